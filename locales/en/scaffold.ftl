# What init and new say when they cannot create a site or a file.

init-folder-not-empty = the folder is not empty (it contains { $name }); nothing was written
init-folder-not-empty-hint = choose a new or empty folder, e.g. `twinsite init meine-partnerschaften`
new-config-unusable = site.yaml is unusable
new-title-empty = the title is empty; nothing was written
new-title-empty-hint = write the title in quotes, e.g. `twinsite new news "Besuch aus Lyon"`
new-slug-too-long = the address --slug { $slug } is { $length } characters long; at most { $max } are allowed
new-slug-too-long-hint = choose a shorter name with --slug
new-slug-invalid = "{ $slug }" cannot be used in a web address
new-slug-invalid-hint = use only a-z, 0-9 and -
new-slug-try = try --slug { $slug }
new-no-slug = no web address can be made from "{ $title }"
new-no-slug-hint = pass a Latin-letter name for the address, e.g. `--slug yangzhou`
new-exists = { $path } already exists; nothing was written
new-exists-hint = edit that file, or choose another name with --slug
scaffold-cannot-write = cannot write: { $problem }
