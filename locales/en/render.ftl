# Rendering and writing the site: themes, templates, UI strings, static files, the output folder.

render-page-failed = rendering { $page } failed: { $detail }
render-page-failed-hint = check the template; a site's templates/ folder overrides the theme's file of the same name
render-cannot-write-calendar = cannot write { $path }: { $problem }
render-static-replaces-page = static/{ $key } replaces a page of the same name
render-static-name-unusable = this file name cannot be published: it contains a control character, a \ or a name twinsite uses itself
render-static-name-unusable-hint = rename the file using letters, digits, - and _
render-static-image-unusable = this image cannot be published: it { $problem }

render-theme-missing = the theme "{ $theme }" does not exist
render-theme-missing-hint = create the folder { $folder }, or remove `theme:` to use the built-in default theme
render-template-unreadable = the template cannot be read: { $detail }
render-template-unreadable-hint = check the {"{{ }}"} and {"{% %}"} tags of this template

# The theme's UI strings (themes/<name>/i18n/<lang>.yaml).
render-ui-strings-unreadable = the UI strings cannot be read: { $problem }
render-ui-language-missing = the theme has no UI strings for the language "{ $lang }"; English is used
render-ui-language-missing-hint = add { $file } with translations of every key of the theme's en.yaml
render-ui-strings-missing =
    { $count ->
        [one] { $count } UI string is
       *[other] { $count } UI strings are
    } missing in "{ $lang }", so English is shown for: { $keys }
render-ui-strings-missing-more =
    { $count ->
        [one] { $count } UI string is
       *[other] { $count } UI strings are
    } missing in "{ $lang }", so English is shown for: { $keys } and { $more } more
render-ui-strings-missing-hint = add the missing keys to { $file } (the theme "{ $theme }" lists every key in its en.yaml)
render-ui-key-dot = { $file }: `{ $key }`: a key cannot contain a dot
render-ui-plural-form = { $file }: `{ $key }`: every plural form must be `category: text`
render-ui-plural-category = { $file }: `{ $key }`: "{ $category }" is not a plural category (use zero, one, two, few, many, other)
render-ui-plural-other = { $file }: `{ $key }`: the plural forms need an `other` form
render-ui-value = { $file }: `{ $key }`: must be a text or a map of plural forms

# The output folder.
render-output-not-ours = refusing to write into { $folder }: it holds files twinsite did not write
render-output-not-empty = refusing to write into { $folder }: the folder is not empty and was not made by twinsite
render-output-refused-hint = choose an empty folder with --output, or delete this one first; twinsite never deletes files it did not write
render-output-home = refusing to write into { $folder }: it is your home folder
render-output-root = refusing to write into { $folder }: it is the root of the file system
render-output-protected-hint = choose an empty folder for the site with --output, e.g. --output public
render-output-cannot-write = cannot write the output at { $path }: { $problem }
render-output-none = no output folder given
render-output-not-folder = exists and is not a folder
render-output-unsafe-path = not a safe relative file path inside the output folder
render-output-folder-in-way = a folder stands here
render-output-duplicate-path = the build made two files with this path; an alias may be the address of a generated page such as /map/ or /calendar/
render-search-failed = the search index could not be built: { $detail }
render-search-failed-hint = this is a fault in twinsite, please report it; `search: false` in site.yaml builds the site without search until then
