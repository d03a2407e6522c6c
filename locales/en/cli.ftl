# What the command line prints: results of build, check, init, new and serve, and the
# questions init asks.

build-done = Built { $files } { $files ->
        [one] file
       *[other] files
    } ({ $kb } KB) into { $path } in { $ms } ms: { $written } written, { $unchanged } unchanged, { $removed } removed.
build-nothing-written = Nothing was written; { $path } is unchanged.
check-clean = No problems found.
check-only-warnings = No errors found; please look at the warnings above.
summary = { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }.
init-done = Created a new site in { $path } with { $files } files.
init-next = Next: cd { $path } && twinsite build   (then fill in content/impressum.md and content/datenschutz.md)
new-done = Created { $path }. Open it in an editor and fill in the lines marked Pflicht.
serve-listening = Serving { $url }
serve-built = Built { $files } files in { $ms } ms. Watching for changes; stop with Ctrl-C.
serve-rebuilt = Rebuilt in { $ms } ms ({ $changed } { $changed ->
        [one] file
       *[other] files
    } changed)
serve-failed = Build failed after { $ms } ms; still serving the last good version.
error-line = error: { $text }
warning-line = warning: { $text }

init-ask-name = Name of the home town
init-ask-lat = Latitude of the home town in decimal degrees
init-ask-lon = Longitude of the home town in decimal degrees
init-ask-title = Title of the site
init-ask-base-url = Address the site will have (base URL)
init-ask-language = Language of the site ({ $languages })
init-language-unknown = “{ $value }” is not one of the languages a site can have: { $languages }.
coordinate-not-a-number = “{ $value }” is not a number in decimal degrees. Write it like { $example }, with a point and without a degree sign.
coordinate-degrees-minutes = “{ $value }” is degrees and minutes; in decimal degrees that is { $decimal }. Type { $decimal }.
latitude-out-of-range = { $value } is not a latitude: latitudes lie between -90 (South Pole) and 90 (North Pole), for example 49.35. South of the equator they are negative.
longitude-out-of-range = { $value } is not a longitude: longitudes lie between -180 and 180, for example 8.14. West of Greenwich they are negative.
cli-date-example = { $problem }; write it like 2026-05-16
