# What check and build say about a whole site: helpful warnings (lint), whether it is ready to
# publish, and links that lead nowhere.

checks-cities-unconnected-many = { $count ->
        [one] { $count } partner city is named by no association and no event, so its page shows no one to contact and no dates: { $names }
       *[other] { $count } partner cities are named by no association and no event, so their pages show no one to contact and no dates: { $names }
    }
checks-cities-unconnected-hint = name the city in the association that carries the partnership (`cities: [lyon]`), or in an event with the partner
checks-city-unconnected = no association and no event names { $city }, so its page shows no one to contact and no dates
checks-city-unconnected-hint = add `cities: [{ $slug }]` to the association that carries the partnership, or to an event with the partner
checks-event-no-location = this event has no `location`: visitors will not know where to go
checks-event-no-location-hint = add e.g. `location: {"{"} name: Bürgerhaus, address: "Hauptstraße 1, { $town }" {"}"}`; for an online meeting write `location: {"{"} name: Online {"}"}`
checks-city-dormant = { $city } has had no event since { $since } and none is planned
checks-city-dormant-hint = add the partnership's next meeting as an event, or set `status: dormant` if it is resting
# $section is associations, news or cities.
checks-menu-section-empty = the menu entry "{ $title }" links to { $url }, but the site has no { $section ->
        [associations] associations
        [news] news
       *[cities] partner cities
    } yet: visitors find an empty page
checks-menu-section-empty-hint = remove the entry until there are { $section ->
        [associations] associations
        [news] news
       *[cities] partner cities
    }, or leave out `menu:` to get the default menu, which shows only sections with entries

checks-placeholders = this page still holds { $count ->
        [one] a placeholder
       *[other] { $count } placeholders
    } from twinsite (the first here)
checks-placeholders-hint = replace the example text with your own and delete the line “Beispieltext: …”; fill in every place marked „ergänzen“
checks-city-at-zero = lat and lon are both 0: that is in the Atlantic Ocean off Africa
checks-city-at-zero-hint = look up the city's coordinates, e.g. on openstreetmap.org (right click → show address), and write them in decimal degrees: `lat: 45.76`, `lon: 4.84`
# $key is imprint or privacy.
checks-legal-page-missing = a German site needs { $key ->
        [imprint] an Impressum (§ 5 DDG)
       *[privacy] a privacy page (Art. 13 DSGVO)
    }, and site.yaml names none (`{ $key }:`)
checks-legal-page-missing-hint = write the page in content/ and name it: `{ $key }: impressum` (or `datenschutz`); if another site covers it (the town's own), write `{ $key }: none`
checks-legal-page-empty = the page { $title } has no text
checks-legal-page-empty-hint = write the page's text below the second --- line

# Links that lead nowhere: "broken link /x/: <why>".
checks-broken-link = broken link { $link }: { $why }
checks-why-no-heading = there is no heading with this id on the page
checks-why-no-heading-there = the page exists, but has no heading with this id
checks-why-no-address = no page or file of the site has this address
checks-why-no-element = the page exists, but has no element with this id
checks-why-no-base-path = it does not start with the base path, so it breaks when the site lives in a sub-folder
checks-did-you-mean = did you mean { $suggestion }?
checks-link-form-hint = site links start with / and end with /, e.g. /cities/lyon/ or /events/brunch/#anmeldung
checks-template-link-broken = broken link { $link } in the page { $page } (template { $template }): { $why }
checks-template-link-broken-more = broken link { $link } in the page { $page } and { $more } more { $more ->
        [one] page
       *[other] pages
    } (template { $template }): { $why }
checks-template-did-you-mean = did you mean { $suggestion }? in templates write links as {"{{"} site.base_path {"}}"}cities/ so sub-path hosting works
checks-template-link-hint = in templates write site links as {"{{"} site.base_path {"}}"}cities/; ids for #anchors must exist on the target page
checks-image-no-alt = an image without alt text in the page { $page } (template { $template })
checks-image-no-alt-hint = add alt="…" describing the image, or alt="" if it is only decoration
