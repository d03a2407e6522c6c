# Netzwerke: die Quellen unter `network:` in site.yaml, ihr Abruf und ihr Zwischenspeicher.

config-expect-network = eine Liste von Quellen `{"{"} name: …, url: https://…, association: …, cities: […] {"}"}`
network-too-many = `network` nennt { $count } Quellen; gelesen werden höchstens { $max }
network-too-many-hint = die Quellen behalten, deren Termine die Website zeigt; ein Netzwerk von Netzwerken lässt sich über eine Mitglieds-Website sammeln
network-bad-name = eine Quelle in `network` braucht einen `name` aus einer Zeile mit höchstens 100 Zeichen
network-bad-name-hint = der Name steht bei den Terminen der Quelle, z. B. `name: Freundeskreis Lyon`
network-bad-url = Quelle „{ $name }“: „{ $url }“ { $problem }
network-bad-url-hint = die vollständige Adresse eines iCalendar-Feeds oder der `data/events.json` einer anderen twinsite-Website angeben, beginnend mit https://
network-url-unreadable = ist keine Web-Adresse
network-url-scheme = beginnt mit „{ $scheme }:“, abgerufen werden aber nur http:// und https://
network-url-credentials = enthält einen Benutzernamen oder ein Passwort, die bei jedem Abruf mitgeschickt würden; eine Adresse ohne sie verwenden

network-fetch-failed = Quelle „{ $name }“ ({ $url }) ließ sich nicht abrufen: { $reason }
network-fetch-failed-cached = der Build verwendet ihre Kopie vom { $fetched }
network-fetch-failed-no-copy = ihre Termine fehlen, bis sie einmal antwortet
network-offline-no-copy = für Quelle „{ $name }“ liegt noch keine Kopie in .twinsite-cache/, daher fehlen ihre Termine
network-cache-write = die Kopie der Quelle „{ $name }“ ließ sich nicht in .twinsite-cache/ ablegen: { $error }

network-http-status = der Server antwortete mit HTTP-Status { $status }
network-timeout = keine vollständige Antwort innerhalb von { $seconds } Sekunden
network-too-large = die Antwort ist größer als { $kib } KiB
network-redirects = mehr als { $max } Weiterleitungen
network-host-not-found = der Servername wurde nicht gefunden
network-connection-failed = die Verbindung wurde abgelehnt oder brach ab
network-failed = { $detail }

network-ics-nested = der Kalender verschachtelt seine Teile tiefer, als es ein Kalenderprogramm tut
network-ics-unreadable = keine lesbare iCalendar-Datei
network-json-unreadable = weder eine iCalendar-Datei noch die data/events.json einer twinsite-Website
network-unreadable = die Kopie der Quelle „{ $name }“ ließ sich nicht lesen: { $reason }
