# Content files: reading them from disk, their front matter (YAML), the checks of each key,
# translations, pictures, Markdown bodies, and dates that look mistyped.

## Files the build reads: kinds, sizes and why one is refused

content-limit-content = content files
content-limit-content-hint = split the text into several pages, or put a long document into static/ as a PDF and link to it
content-limit-front-matter = front matter (the part between the --- lines)
content-limit-front-matter-hint = keep `summary` and the other keys short; long text belongs below the closing ---
content-limit-config = site.yaml
content-limit-config-hint = site.yaml holds a few settings; move long texts into content pages
content-limit-template = templates
content-limit-template-hint = split the template with {"{"}% include %{"}"} or move large inline data into static/
content-limit-i18n = UI string files
content-limit-i18n-hint = a file of UI strings holds short texts only
content-limit-image = images
content-limit-image-hint = save the image smaller (a web page needs at most about 2000 pixels wide)
content-limit-static = files in static/
content-limit-static-hint = put large files (videos, archives) on another service and link to them
content-limit-ignore-file = .gitignore files
content-limit-ignore-file-hint = a .gitignore lists a few patterns, one a line

content-size-mb = { $mb } MB
content-size-mb-tenths = { $mb }.{ $tenths } MB
content-size-kb = { $kb } KB
content-size-bytes = { $bytes } { $bytes ->
        [one] byte
       *[other] bytes
    }

content-type-pipe = a named pipe (FIFO)
content-type-device = a device
content-type-socket = a socket
content-type-folder = a folder
content-type-file = a file
content-type-other = something other than a file

# These finish a sentence that begins with the file: "the image x.jpg …", "this folder …".
content-refusal-escapes = points outside its folder (an absolute path or one with `..`)
content-refusal-missing = does not exist
content-refusal-outside-root = leads through a symbolic link to a place outside the site folder
content-refusal-not-a-file = is { $kind }, not a regular file
content-refusal-not-a-folder = is { $kind }, not a folder
content-refusal-too-large = is { $size }; twinsite reads { $what } of at most { $limit }
content-refusal-too-large-unknown = is larger; twinsite reads { $what } of at most { $limit }
content-refusal-unreadable = cannot be read: { $problem }
content-refusal-outside-hint = twinsite only reads files inside the site folder: copy what is needed into the site folder instead of pointing or linking to a place outside it
content-refusal-missing-hint = check the spelling of the file name, including upper and lower case
content-refusal-folder-hint = name a file, not a folder
content-refusal-not-a-file-hint = replace it with a normal file, or delete it
content-refusal-not-a-folder-hint = make it a normal folder, or rename or delete it
content-refusal-unreadable-hint = check that the file exists and that you may read it
content-folder-expected = this is { $kind }, but a folder is expected here
content-this-folder = this folder { $problem }
content-this-file = this file { $problem }

## Walking the folders of the site

content-walk-unreadable = cannot read: { $problem }
content-link-to-folder = this is a link to a folder; twinsite does not follow links to folders
content-link-to-folder-hint = copy the folder here instead of linking to it
content-link-outside = this is a symbolic link to a place outside the site folder; twinsite does not read it
content-gitignore-unused = this .gitignore is not used: it { $problem }

## Reading a text file

content-file-utf16 = this file is UTF-16; twinsite reads UTF-8 only
content-file-not-utf8 = this file is not UTF-8 (perhaps Latin-1 or Windows-1252); twinsite reads UTF-8 only
content-file-not-utf8-hint = open the file in your editor and save it again with the encoding "UTF-8"

## What was removed from the Markdown text because it could run code

content-removed-tag = the HTML tag <{ $tag }> is not allowed in content and was removed
content-removed-attribute = the HTML attribute `{ $attribute }` is not allowed in content and was removed
content-removed-url = the link or image address "{ $url }" is not allowed and was removed
content-removed-url-hint = links and images may point to web addresses (https://…), e-mail (mailto:…), phone numbers (tel:…) and pages of this site (/cities/lyon/); the text stays, only the link is gone
content-removed-html-hint = scripts, styles, forms, event handlers and embedded players or maps (iframe) are removed because they run code or load other websites; link to the video or map instead. If everyone who writes content is trusted, `unsafe_html: true` in site.yaml lets raw HTML through
content-image-no-alt = the image { $image } has no alt text
content-image-no-alt-hint = describe the image for people who cannot see it: ![Rathaus von Lyon im Abendlicht](…)

## Checking the keys of one content file

# What kind of entry a file is, after "for": "unknown key `x` for an event".
content-for-city = a city
content-for-association = an association
content-for-event = an event
content-for-news = a news item
content-for-page = a page
# What a key must be, after "`key` must be": "`draft` must be `true` or `false`".
content-expect-bool = `true` or `false`
content-expect-weight = a whole number like 10
content-expect-year-ended = a year like 2014
content-expect-year-founded = a year like 1975
content-expect-sdgs = a list of goal numbers like [4, 11, 13]
content-expect-population = a whole number, like 522250
content-expect-location = a group `{"{"} name, address, lat, lon {"}"}`
content-expect-repeat = a group like `{"{"} every: month, weekday: tue, nth: 2 {"}"}`
content-expect-coordinate = a number in decimal degrees like { $example }
content-coordinate-degrees-minutes = `{ $key }` is written in degrees and minutes (“{ $value }”); in decimal degrees that is { $decimal }
content-coordinate-degrees-minutes-hint = write `{ $key }: { $decimal }`
content-expect-contacts = a list of `{"{"} name, role, email, phone {"}"}` entries
content-expect-picture = a file name like `foto.jpg`, or `{"{"} src: foto.jpg, alt: …, caption: …, credit: … {"}"}`
content-expect-picture-texts = a group with only the texts `{"{"} alt: …, caption: …, credit: … {"}"}` (the file comes from the original)
content-expect-location-texts = a group with only the texts `{"{"} name: …, address: … {"}"}` (the coordinates come from the original)

content-key-problem = `{ $key }`: { $problem }
content-slug-invalid = the slug "{ $slug }" may only contain a-z, 0-9 and -
content-slug-invalid-hint = write `slug: { $suggestion }`
content-file-name-invalid = the file name "{ $name }" cannot be used in a web address: only a-z, 0-9 and - are allowed
content-file-name-invalid-hint = rename the file to "{ $suggestion }.md", or add `slug: { $suggestion }` to the front matter
content-list-too-long = `{ $key }` lists { $count } entries; one page may have at most { $max }
content-list-too-long-hint = keep the { $max } that matter most; each of them becomes a page or file of the site
content-country-code-invalid = `country_code` "{ $code }" is not a two-letter ISO code
content-country-code-invalid-hint = use codes like FR, PL, GB, US
content-since-hint = write the year (`since: 1981`) or the date of signing (`since: 1981-05-12`)
content-ended-without-year = the partnership has ended, but `ended` does not say when
content-ended-without-year-hint = add `ended: 2014` with the year it ended
content-sdg-out-of-range = `sdgs` contains { $goal }, but the UN goals are numbered 1 to 17
content-end-date-before-date = `end_date` { $end_date } is before `date` { $date }
content-end-date-before-date-hint = `end_date` is the last day of a multi-day event; it must be on or after `date`
content-end-without-time = `end` is given without a start `time`
content-end-without-time-hint = add `time: "19:00"` with the start time, or remove `end` for an all-day event
content-end-not-after-time = `end` { $end } is not after the start `time` { $time }
content-end-not-after-time-hint = for an event that runs past midnight, add `end_date` with the next day
content-location-off-globe = `location` has lat/lon outside the globe
content-location-off-globe-hint = lat runs from -90 to 90, lon from -180 to 180
content-repeat-warning-hint = remove the date from `except`, or correct it
content-repeat-error-hint = see "Recurring events" in the reference: https://github.com/twinsite/twinsite/blob/main/docs/reference.md#recurring-events
content-one-of = `{ $key }` cannot be "{ $value }"
content-one-of-hint = allowed: { $allowed }
content-one-of-suggestion-hint = did you mean `{ $suggestion }`? allowed: { $allowed }
content-date-form = "{ $value }" is not a date in the form YYYY-MM-DD
content-date-not-real = { $value } is not a real date
content-date-hint = write the date as year-month-day, e.g. `2026-05-16` for 16 May 2026
content-time-form = "{ $value }" is not a time in the form HH:MM
content-time-not-real = { $value } is not a real time of day
content-time-hint = write the time in quotes with hours and minutes, e.g. `{ $key }: "19:30"`
content-coordinate-out-of-range = `{ $key }` is { $value }, but must be between -{ $limit } and { $limit }
content-coordinate-out-of-range-hint = lat runs from -90 (south pole) to 90 (north pole), lon from -180 to 180; did you swap lat and lon?
content-name-expected = `{ $key }` must be a name like { $example }, not { $kind } ({ $value })
content-name-expected-hint = write the name, e.g. `{ $key }: { $example }`
content-url-invalid = `{ $key }` "{ $value }" is not a web address
content-url-invalid-hint = write the full address, e.g. `{ $key }: https://www.example.org/`

## Pictures named in front matter (`image:`, `gallery:`)

content-image-is-a-list = `image` is one picture, not a list
content-image-is-a-list-hint = put further pictures under `gallery:`
content-picture-no-file = a picture of `{ $key }` has no file name
content-picture-no-file-hint = write the file's name, e.g. `src: foto.jpg`, or remove the entry
content-picture-no-alt-hint = describe it for people who cannot see it: `{"{"} src: foto.jpg, alt: "Die Delegation vor dem Rathaus" {"}"}` (write `alt: ""` for a picture that only decorates)
content-image-missing-beside = the image { $image } does not exist next to this file
content-image-missing-static = the image { $image } does not exist in static/
content-image-refused = the image { $image } { $problem }
content-image-similar-hint = did you mean { $name }? (names must match exactly, also in upper and lower case)
content-image-missing-static-hint = put the file at static{ $image }, or correct the file name
content-image-where-hint = put the image in the same folder as this file and write `image: foto.jpg`, or put it in static/images/ and write `image: /images/foto.jpg`
content-image-external = the image { $image } is on another website: every visitor's browser would load it from there
content-image-external-hint = the site loads nothing from other websites: save the picture (if you may use it) in static/images/ and write `image: /images/name.jpg`

## Translation files (`lyon.fr.md`)

content-rename-to = rename it to { $name }
content-translation-default-language = "{ $code }" is the default language of the site, so this file needs no language in its name
content-translation-unknown-language = this looks like a translation into "{ $code }", but site.yaml does not list that language
content-translation-unknown-language-hint = add it to site.yaml: `languages: [{ $languages }]`; or rename the file to { $name } if it is not a translation
content-translation-differs = `{ $key }` differs from the original ({ $original }:{ $line }): it is shared by every language
content-translation-differs-hint = change it in { $original } (for every language), and here write the same or remove the line
content-translation-shared-key = `{ $key }` cannot be translated: it is shared by every language and belongs in { $original }
content-translation-shared-key-hint = remove it here; a translation sets only these keys: { $keys }, and the text below the front matter
content-translation-empty = `{ $key }` is empty
content-translation-empty-hint = write the translated text, or remove the key to keep the original's

## Finding the content files

content-no-folder = there is no content folder
content-no-folder-hint = create a folder `content` with sub-folders `cities`, `associations`, `events` and `news`
content-misnamed-markdown = this file is skipped: twinsite reads only content files whose names end in .md (lower case)
content-two-language-codes = this file name has two language codes, "{ $first }" and "{ $second }"; twinsite expects one: { $original } for the original, { $translation } for a translation
content-front-matter-refused = the front matter { $problem }
content-sub-folder = only events may be in sub-folders; this file is inside content/{ $folder }/…/
content-sub-folder-hint = move it directly into content/{ $folder }/
content-unknown-folder = twinsite does not know the content folder "{ $folder }"
content-unknown-folder-hint = content goes into content/cities, content/associations, content/events, content/news, or directly into content/ for plain pages
content-not-a-content-file = not a content file
# A problem in a draft is only a warning: the message gets this ending.
content-in-draft = { $message } (in a draft, which is not published)

## Dates that look mistyped, judged against the build date

content-build-date-odd = the build date { $date } is not between { $from } and { $to }: events are judged upcoming or past against it, and the calendar is laid out around it
content-build-date-odd-hint = leave out --now to build for today, or give a date like --now 2026-05-16
content-until-in-repeat = `until` in `repeat`
content-date-far-after = { $key } { $date } is { $years } { $years ->
        [one] year
       *[other] years
    } after the build date { $now }: is the year mistyped?
content-date-far-before = { $key } { $date } is { $years } { $years ->
        [one] year
       *[other] years
    } before the build date { $now }: is the year mistyped?
content-date-far-hint = did you mean { $meant }? Dates more than { $back } years back or { $ahead } years ahead are most likely typing mistakes; the calendar shows such a date only on its own month page
content-year-in-future = { $key } { $written } lies in the future (the build date is { $now }): is the year mistyped?
content-year-too-old = { $key } { $written } is before { $oldest }: is the year mistyped?
content-year-meant-hint = did you mean { $meant }? Write `{ $key }: { $meant }`
content-year-since-hint = write the year the partnership was signed, e.g. `since: 1981`
content-year-ended-hint = write the year the partnership ended, e.g. `ended: 2014`
content-year-founded-hint = write the year it was founded, e.g. `{ $key }: 1975`
content-event-long = this event lasts { $days } days, from { $from } to { $to }: is `end_date` right?
content-event-long-hint = `end_date` is the last day of a multi-day event (an exchange, a workcamp); for a meeting that takes place again and again, give its first day as `date` and add `repeat` instead (see "Recurring events" in the reference: https://github.com/twinsite/twinsite/blob/main/docs/reference.md#recurring-events)
content-event-overlaps = each time this event lasts { $days } { $days ->
        [one] day
       *[other] days
    } (to `end_date` { $end_date }), but `repeat` starts it again after { $gap } { $gap ->
        [one] day
       *[other] days
    }, so its dates overlap
content-event-overlaps-hint = `end_date` is the last day of the first time only: for a one-day meeting that repeats, remove `end_date`

## Front matter and YAML files: mistakes in the YAML itself

content-the-front-matter = the front matter
content-yaml-invalid = { $what } is not valid YAML: { $problem }
content-yaml-too-much = YAML anchors and aliases (&name, *name) expand to too much data
content-yaml-too-much-hint = write the values out instead of repeating them with *name; twinsite needs no anchors or aliases
content-yaml-duplicate = the key `{ $key }` is given twice (the first time on line { $line })
content-yaml-duplicate-hint = keep one of the two lines and delete the other
content-yaml-huge-number = the number { $number } is too large
content-yaml-huge-number-hint = write a smaller number, or put the value in quotes if it is a text
content-yaml-too-deep = the values are nested too deeply
content-yaml-too-deep-hint = check the [ ] and {"{"} {"}"} brackets on this line
content-yaml-unknown-anchor = *{ $name } refers to an anchor &{ $name } that is not defined before it
content-yaml-unknown-anchor-hint = a value starting with * must be put in quotes, e.g. title: "*Neu* im Programm"
content-yaml-tab = a tab character at line { $line }: YAML needs spaces for indentation
content-yaml-tab-hint = replace the tab at the start of the line with spaces (two for each level)
# What is wrong, after "the front matter is not valid YAML:".
content-yaml-colon = a `: ` where it is not allowed: a second `: ` on one line, or a line indented too far
content-yaml-colon-hint = a value that contains `: ` must be put in quotes, e.g. title: "Treffen: Planung"
content-yaml-escape = a backslash `\` in double quotes is followed by a character that YAML does not accept there
content-yaml-escape-hint = write the text in single quotes ('…') instead, or write the backslash twice (`\\`)
content-yaml-open-quote = a quote is opened here but never closed
content-yaml-open-quote-hint = end the value with the same quote it starts with, e.g. title: "Brunch im Park"
content-yaml-ends-early = the text ends in the middle of a value
content-yaml-open-list = a list in [ ] is not closed with `]`, or one of its values needs quotes
content-yaml-open-list-hint = close the list with `]`; put values that contain `,`, `:`, `[` or `]` in quotes
content-yaml-open-group = a group in {"{"} {"}"} is not closed with `{"}"}`, or one of its values needs quotes
content-yaml-open-group-hint = close the group with `{"}"}`; put values that contain `,`, `:`, `{"{"}` or `{"}"}` in quotes
content-yaml-needs-quotes = a value may begin with { $start } only in quotes
content-yaml-quote-hint = put the whole value in quotes, e.g. title: "…"
content-yaml-control = the text contains an invisible control character
content-yaml-control-hint = delete the line and type it again; text copied from other programs can bring such characters along
content-yaml-documents = a line `---` or `...` divides it into several parts
content-yaml-documents-hint = remove that line: the file is one list of `key: value` lines
content-yaml-list-entry = this line is indented like the entries of the list above it, but does not start with `- `
content-yaml-list-entry-hint = start every entry of the list with `- `, or move this line left to where the key of the list starts
content-yaml-list-here = a list entry `- ` cannot begin here
content-yaml-list-here-hint = start the list on the line below its key: `cities:`, then `  - lyon`
content-yaml-after-value = text after a closing quote or bracket, or a line indented differently from the lines above it
content-yaml-missing-value = a value is missing here, or it begins with a character that needs quotes
content-yaml-check-hint = check the quotes and indentation on this line; values with `:`, `#`, `@` or a leading `*` or `&` need quotes
content-yaml-missing-colon = a line is missing the `:` after its key
content-yaml-missing-colon-hint = write each line as `key: value`; lines that continue a text must be indented
content-yaml-block-text = after `|` or `>` the text must begin on the next line
content-yaml-block-text-hint = write `key: |`, then the text on the following lines, indented
content-yaml-other = the quotes, colons or indentation do not fit together here
content-yaml-other-hint = check the quotes, colons and indentation on this line

## A value of the wrong kind, after "`key` must be …"

content-must-be = `{ $key }` must be { $what }{ $detail }
content-must-be-text = `{ $key }` must be a text, not { $kind }
content-must-be-list = `{ $key }` must be a list
content-key-form-hint = the form of each key is in the reference: https://github.com/twinsite/twinsite/blob/main/docs/reference.md
content-text-hint = write it on one line, e.g. `key: some text`; put text with `: ` in quotes
content-list-entry-not-single = every entry of `{ $key }` must be a single value
content-list-form-hint = write the list as `key: [a, b]` or one `- a` line per entry
# What a value is: "`title` must be a text, not a list".
content-kind-empty = empty
content-kind-text = a text
content-kind-number = a number
content-kind-bool = `true` or `false`
content-kind-list = a list
content-kind-group = a group of keys
content-found-text = the text "{ $text }"
content-found-number = the number { $number }
# The end of "`key` must be …": what is wrong with the value.
content-detail-not = , not { $found }
content-detail-inner = ; one of its values is { $found }
content-detail-list-length = , not a list of { $count }
content-detail-unknown-key = : unknown key { $key }
content-detail-unknown-key-allowed = : unknown key { $key } (allowed: { $allowed })
content-detail-missing-key = : the key { $key } is missing
content-detail-duplicate-key = : the key { $key } is given twice
content-detail-not-one-of = : { $value } is not one of { $allowed }
# A file of `key: text` lines (a theme's UI strings); place is the file and line.
content-strings-entry = { $place }: every entry must be `key: text`
content-strings-entry-detail = { $place }: every entry must be `key: text`{ $detail }
content-strings-invalid = { $place }: not valid YAML: { $problem }

## The front matter of a content file

content-no-front-matter = this file has no front matter
content-no-front-matter-hint = start the file with a line `---`, then `title: …` and the other keys, then another line `---`
content-front-matter-unclosed = the front matter starts here but is never closed
content-front-matter-unclosed-hint = add a line with only `---` after the last key, before the text of the page
content-front-matter-not-keys = the front matter must be a list of `key: value` lines
content-front-matter-not-keys-hint = write one `key: value` per line, e.g. `title: Partnerschaftsbrunch`
content-file-not-keys = this file must be a list of `key: value` lines
content-required-missing = the required key `{ $key }` is missing
content-required-missing-hint = add a line `{ $key }: …` ({ $what }) between the `---` lines
content-required-empty = the required key `{ $key }` is missing or empty
content-required-empty-hint = add a line like `{ $key }: { $example }` between the `---` lines
content-unknown-key = unknown key `{ $key }` for { $what }; it is ignored
content-did-you-mean = did you mean `{ $suggestion }`?
content-known-keys = the keys for { $what } are: { $keys }
