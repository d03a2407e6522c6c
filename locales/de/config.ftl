# Was twinsite zu site.yaml sagt: fehlende oder falsche Schlüssel, die Adresse der Website,
# Sprachen, Zeitzone, Heimatstadt, Theme und Menü.

config-missing = in { $folder } gibt es keine site.yaml
config-missing-hint = twinsite im Ordner der Website starten, --root ORDNER angeben oder mit `twinsite init ORDNER` eine neue Website anlegen

# Die Adresse der Website, in site.yaml (`base_url:`) und auf der Kommandozeile (`--base-url`).
config-base-url-no-scheme = „{ $url }“ muss mit https:// oder http:// beginnen
config-base-url-no-host = „{ $url }“ enthält keinen gültigen Servernamen
config-base-url-bad-character = „{ $url }“ darf kein `?`, kein `#` und keine Leerzeichen enthalten
config-base-url-invalid = `base_url`: { $problem }
config-base-url-invalid-hint = die vollständige Adresse angeben, unter der die Website erscheinen wird, z. B. `base_url: https://example.org/partner/`

config-language-code = `{ $key }`: „{ $code }“ ist kein Sprachcode
config-language-code-hint = Codes aus zwei oder drei Buchstaben verwenden, etwa `de`, `en`, `fr`, `pl`, `uk`, `tr`
config-language-twice = `languages` nennt „{ $code }“ zweimal
config-language-twice-hint = jede Sprache nur einmal nennen; die erste ist die Hauptsprache
config-language-mismatch = `language` ist „{ $language }“, aber `languages` beginnt mit „{ $first }“
config-language-mismatch-hint = der erste Eintrag von `languages` ist die Hauptsprache; `language:` entfernen oder beide gleich setzen
config-timezone-unknown = `timezone` „{ $timezone }“ ist keine bekannte Zeitzone
config-timezone-unknown-hint = einen IANA-Namen verwenden, z. B. `Europe/Berlin`, `Europe/Paris` oder `America/New_York`

# Was ein Schlüssel sein muss, nach „`home` muss … sein“.
config-expect-home = eine Gruppe `{"{"} name: Musterstadt, lat: 50.9, lon: 9.7 {"}"}`
config-expect-true-false = `true` oder `false`
config-expect-menu = eine Liste von Einträgen `{"{"} title: …, url: … {"}"}`
config-expect-translations = eine Gruppe je Sprache, z. B. `fr: {"{"} title: …, description: …, menu: […] {"}"}`

config-home-missing = der Pflichtschlüssel `home` fehlt
config-home-missing-hint = die eigene Stadt eintragen, z. B. `home: {"{"} name: Musterstadt, lat: 50.9, lon: 9.7 {"}"}`; sie ist die Mitte der Karte
config-home-off-globe = `home` hat lat { $lat } / lon { $lon }, das liegt nicht auf der Erdkugel
config-home-off-globe-hint = lat reicht von -90 bis 90, lon von -180 bis 180
config-theme-name = `theme` „{ $theme }“ ist kein Theme-Name; ein Theme ist ein Ordner in themes/, dessen Name aus Buchstaben, Ziffern, - und _ besteht
config-theme-name-hint = nur den Namen des Ordners schreiben, z. B. `theme: herbst` für themes/herbst/; ein Theme muss im Ordner der Website liegen, deshalb sind Pfade mit / oder .. nicht erlaubt
config-translation-language = `translations` enthält Texte für „{ $code }“, das ist keine der weiteren Sprachen unter `languages`
config-translation-language-hint = die Sprache in `languages: [{ $languages }, { $code }]` aufnehmen oder den Code korrigieren
config-menu-not-web-address = der Menüeintrag „{ $title }“ verweist auf „{ $url }“, das ist keine Webadresse
config-menu-not-web-address-hint = einen Pfad dieser Website wie `/cities/` oder eine vollständige Adresse wie `https://www.example.org/` schreiben
