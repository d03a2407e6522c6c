# Networks: the sources listed under `network:` in site.yaml, fetching them and their cache.

config-expect-network = a list of sources `{"{"} name: …, url: https://…, association: …, cities: […] {"}"}`
network-too-many = `network` lists { $count } sources; at most { $max } are read
network-too-many-hint = keep the sources whose events the site shows; a network of networks can gather through one member site
network-bad-name = a source in `network` needs a `name` of one line, at most 100 characters
network-bad-name-hint = the name is shown beside the source's events, e.g. `name: Freundeskreis Lyon`
network-bad-url = source "{ $name }": "{ $url }" { $problem }
network-bad-url-hint = give the full address of an iCalendar feed or of another twinsite site's `data/events.json`, starting with https://
network-url-unreadable = is not a web address
network-url-scheme = uses "{ $scheme }:", but only http:// and https:// are fetched
network-url-credentials = contains a user name or password, which would be sent with every request; use an address without them

network-fetch-failed = source "{ $name }" ({ $url }) could not be fetched: { $reason }
network-fetch-failed-cached = the build goes on with its copy from { $fetched }
network-fetch-failed-no-copy = its events are left out until it answers once
network-offline-no-copy = source "{ $name }" has no copy in .twinsite-cache/ yet, so its events are left out
network-cache-write = the copy of source "{ $name }" could not be kept in .twinsite-cache/: { $error }

network-http-status = the server answered with HTTP status { $status }
network-timeout = no complete answer within { $seconds } seconds
network-too-large = the answer is larger than { $kib } KiB
network-redirects = more than { $max } redirects
network-host-not-found = the server name was not found
network-connection-failed = the connection was refused or broke off
network-failed = { $detail }

network-ics-nested = the calendar nests its parts deeper than any calendar program does
network-ics-unreadable = not a readable iCalendar file
network-json-unreadable = neither an iCalendar file nor the data/events.json of a twinsite site
network-unreadable = the copy of source "{ $name }" could not be read: { $reason }
