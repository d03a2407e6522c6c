# What twinsite says about site.yaml: missing or wrong keys, the site's address, languages,
# time zone, home town, theme and menu.

config-missing = there is no site.yaml in { $folder }
config-missing-hint = run twinsite in the site's folder, pass --root FOLDER, or create a new site with `twinsite init FOLDER`

# The site's address, in site.yaml (`base_url:`) and on the command line (`--base-url`).
config-base-url-no-scheme = "{ $url }" must start with https:// or http://
config-base-url-no-host = "{ $url }" has no valid host name
config-base-url-bad-character = "{ $url }" must not contain `?`, `#` or spaces
config-base-url-invalid = `base_url` { $problem }
config-base-url-invalid-hint = write the full address the site will have, e.g. `base_url: https://example.org/partner/`

config-language-code = `{ $key }`: "{ $code }" is not a language code
config-language-code-hint = use two- or three-letter codes like `de`, `en`, `fr`, `pl`, `uk`, `tr`
config-language-twice = `languages` lists "{ $code }" twice
config-language-twice-hint = name each language once; the first one is the default
config-language-mismatch = `language` is "{ $language }" but `languages` starts with "{ $first }"
config-language-mismatch-hint = the first entry of `languages` is the default language; remove `language:` or make them agree
config-timezone-unknown = `timezone` "{ $timezone }" is not a known time zone
config-timezone-unknown-hint = use an IANA name such as `Europe/Berlin`, `Europe/Paris` or `America/New_York`

# What a key must be, after "`home` must be …".
config-expect-home = a group `{"{"} name: Musterstadt, lat: 50.9, lon: 9.7 {"}"}`
config-expect-true-false = `true` or `false`
config-expect-menu = a list of `{"{"} title: …, url: … {"}"}` entries
config-expect-translations = a group per language, e.g. `fr: {"{"} title: …, description: …, menu: […] {"}"}`

config-home-missing = the required key `home` is missing
config-home-missing-hint = add your town, e.g. `home: {"{"} name: Musterstadt, lat: 50.9, lon: 9.7 {"}"}`; it is the centre of the map
config-home-off-globe = `home` has lat { $lat } / lon { $lon }, outside the globe
config-home-off-globe-hint = lat runs from -90 to 90, lon from -180 to 180
config-theme-name = `theme` "{ $theme }" is not a theme name; a theme is a folder in themes/ named with letters, digits, - and _
config-theme-name-hint = write only the folder's name, e.g. `theme: herbst` for themes/herbst/; a theme must sit inside the site folder, so paths with / or .. are not allowed
config-translation-language = `translations` has texts for "{ $code }", which is not one of the further `languages`
config-translation-language-hint = list the language in `languages: [{ $languages }, { $code }]`, or correct the code
config-menu-not-web-address = the menu entry "{ $title }" links to "{ $url }", which is not a web address
config-menu-not-web-address-hint = write a path on this site such as `/cities/`, or a full address such as `https://www.example.org/`
