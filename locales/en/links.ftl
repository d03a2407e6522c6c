# What twinsite says when it links the files into one site: slugs and addresses, references
# between entries, aliases, images beside a file, and translations without an original.

links-topic-no-letters = the topic "{ $topic }" has no letters or digits that can be used in a web address; it is ignored
links-slug-reserved = the page slug "{ $slug }" is used by twinsite itself for /{ $slug }/
links-slug-language-folder = the page slug "{ $slug }" is the folder of the language "{ $slug }" (/{ $slug }/)
links-slug-taken-hint = rename the file or set another `slug:`
links-slug-collision = the slug "{ $slug }" is already used by { $other }
# Where the other file got its slug when it has no `slug:` line.
links-slug-from-file-name = { $path } (from its file name)
links-slug-collision-hint = two entries of the same kind need different `slug:` values or file names
links-slug-collision-file-hint = this file's name gives it the slug "{ $slug }"; rename one of the files, or give one of them another `slug:`
links-ref-draft = { $slug } is a draft and is not published; remove `draft: true` from { $path } or build with --drafts
links-ref-draft-hint = or remove "{ $slug }" from { $key } until the draft is finished
links-unknown-city = unknown city "{ $slug }" in { $key }
links-unknown-association = unknown association "{ $slug }" in { $key }
links-did-you-mean = did you mean "{ $suggestion }"?
links-use-file-name-hint = use the file name (without .md) of a file in content/{ $folder }/
links-config-page-draft = `{ $key }` names the page "{ $slug }", which is a draft and is not published; remove `draft: true` from { $path } or build with --drafts
links-config-page-missing = `{ $key }` names the page "{ $slug }", but there is no content/{ $slug }.md
links-config-page-missing-hint = create content/{ $slug }.md

# Aliases (`aliases:`), old addresses that lead to a page.
links-alias-control-character = the alias "{ $alias }" contains an invisible control character (U+{ $code })
links-alias-control-character-hint = retype the alias; it must be one line of visible characters
links-alias-not-a-path = the alias "{ $alias }" must be an old path on this site starting with /
links-alias-hint = write it like `/partnerstaedte/lyon.html` or `/alt/lyon/`
links-alias-too-long = the alias is { $length } characters long; at most { $max } are allowed
links-alias-character = the alias "{ $alias }" contains the character { $character }
links-alias-backslash-hint = web addresses use / between folders, never \
links-alias-query-hint = a static site cannot redirect what follows ? or #; leave that part out
links-alias-character-hint = file names cannot hold \ ? # < > : " | *; leave the character out
links-alias-empty-part = the alias "{ $alias }" contains an empty part //
links-alias-dot-part = the alias "{ $alias }" contains the part ".." or "."
links-alias-dot-part-hint = write the old address without . and .. parts
links-alias-hidden = the alias "{ $alias }" names a hidden file or folder (a name starting with a dot)
links-alias-hidden-hint = web servers keep names starting with a dot private, and twinsite keeps its own files there; an alias cannot be such an address
links-alias-long-part = the alias "{ $alias }" has a part longer than { $max } characters
links-alias-fixed-file = the alias { $alias } is the address of a page or file every site has
links-alias-fixed-folder = the alias { $alias } needs /{ $file } to be a folder, but every site has a file there
links-alias-in-use-hint = an alias must be an old address that no page or file of the site uses any more
links-alias-twice = the alias { $alias } is listed twice (also as { $other })
links-alias-claimed = the alias { $alias } is also claimed by { $place }
links-alias-taken = the alias { $alias } is the address of { $what }
links-alias-needs-folder = the alias { $alias } needs /{ $folder } to be a folder, but that is the address of { $what }
links-alias-is-folder = the alias { $alias } is the address of a folder of the site, which holds { $what }
links-alias-static-file = the alias { $alias } is the address of { $file }, which the site publishes
# What already has an address, after "is the address of" above.
links-what-site-file = a page or file the site always has
links-what-page-of = the page of { $path }
links-what-alias = the alias { $alias }

links-slug-too-long = the address (slug) is { $length } characters long; at most { $max } are allowed
links-slug-too-long-hint = set a shorter `slug:`, or give the file a shorter name
links-topic-too-long = a topic name is { $length } characters long, too long for the address of its page
links-topic-too-long-hint = topics are short words like `Jugend` or `Kultur`
links-image-outside = the image "{ $image }" must be a file in the same folder as this file or below it
links-image-outside-hint = for an image elsewhere, put it in static/ and write `image: /images/name.svg`

links-translation-no-original = this is a translation of { $path }, which does not exist
links-translation-no-original-hint = a translation sits next to its original with the language before .md: lyon.md and lyon.fr.md; create the original or rename this file
