# Was check und build über eine ganze Website sagen: hilfreiche Warnungen (lint), ob sie bereit
# zum Veröffentlichen ist, und Links, die ins Leere führen.

checks-cities-unconnected-many = { $count ->
        [one] { $count } Partnerstadt wird von keinem Verein und keinem Termin genannt, deshalb zeigt ihre Seite keine Ansprechpartner und keine Termine: { $names }
       *[other] { $count } Partnerstädte werden von keinem Verein und keinem Termin genannt, deshalb zeigen ihre Seiten keine Ansprechpartner und keine Termine: { $names }
    }
checks-cities-unconnected-hint = die Stadt beim Verein nennen, der die Partnerschaft trägt (`cities: [lyon]`), oder bei einem Termin mit der Partnerstadt
checks-city-unconnected = kein Verein und kein Termin nennt { $city }, deshalb zeigt die Seite keine Ansprechpartner und keine Termine
checks-city-unconnected-hint = `cities: [{ $slug }]` beim Verein eintragen, der die Partnerschaft trägt, oder bei einem Termin mit der Partnerstadt
checks-event-no-location = dieser Termin hat keinen Ort (`location`): Besucher wissen nicht, wohin sie kommen sollen
checks-event-no-location-hint = z. B. `location: {"{"} name: Bürgerhaus, address: "Hauptstraße 1, { $town }" {"}"}` ergänzen; für ein Online-Treffen `location: {"{"} name: Online {"}"}` schreiben
checks-city-dormant = mit { $city } gab es seit { $since } keinen Termin, und keiner ist geplant
checks-city-dormant-hint = das nächste Treffen der Partnerschaft als Termin eintragen, oder `status: dormant` setzen, wenn sie ruht
# $section ist associations, news oder cities.
checks-menu-section-empty = der Menüeintrag „{ $title }“ verweist auf { $url }, aber die Website hat noch keine { $section ->
        [associations] Vereine
        [news] Neuigkeiten
       *[cities] Partnerstädte
    }: Besucher sehen eine leere Seite
checks-menu-section-empty-hint = den Eintrag entfernen, bis es { $section ->
        [associations] Vereine
        [news] Neuigkeiten
       *[cities] Partnerstädte
    } gibt, oder `menu:` weglassen, um das Standardmenü zu bekommen, das nur Bereiche mit Einträgen zeigt

checks-placeholders = diese Seite enthält noch { $count ->
        [one] einen Platzhalter
       *[other] { $count } Platzhalter
    } von twinsite (der erste hier)
checks-placeholders-hint = den Beispieltext durch eigenen Text ersetzen und die Zeile „Beispieltext: …“ löschen; jede mit „ergänzen“ markierte Stelle ausfüllen
checks-city-at-zero = lat und lon sind beide 0: das liegt im Atlantik vor Afrika
checks-city-at-zero-hint = die Koordinaten der Stadt nachschlagen, z. B. auf openstreetmap.org (Rechtsklick → Adresse anzeigen), und in Dezimalgrad eintragen: `lat: 45.76`, `lon: 4.84`
# $key ist imprint oder privacy.
checks-legal-page-missing = eine deutsche Website braucht { $key ->
        [imprint] ein Impressum (§ 5 DDG)
       *[privacy] eine Datenschutzerklärung (Art. 13 DSGVO)
    }, und site.yaml nennt keine Seite dafür (`{ $key }:`)
checks-legal-page-missing-hint = die Seite in content/ schreiben und hier nennen: `{ $key }: impressum` (oder `datenschutz`); wenn eine andere Website das abdeckt (etwa die der Stadt), `{ $key }: none` schreiben
checks-legal-page-empty = die Seite { $title } hat keinen Text
checks-legal-page-empty-hint = den Text der Seite unter die zweite Zeile --- schreiben

# Links, die ins Leere führen: „defekter Link /x/: <Grund>“.
checks-broken-link = defekter Link { $link }: { $why }
checks-why-no-heading = auf der Seite gibt es keine Überschrift mit dieser id
checks-why-no-heading-there = die Seite gibt es, aber sie hat keine Überschrift mit dieser id
checks-why-no-address = keine Seite und keine Datei der Website hat diese Adresse
checks-why-no-element = die Seite gibt es, aber sie hat kein Element mit dieser id
checks-why-no-base-path = er beginnt nicht mit dem Basispfad und funktioniert deshalb nicht, wenn die Website in einem Unterordner liegt
checks-did-you-mean = vielleicht { $suggestion } gemeint?
checks-link-form-hint = Links innerhalb der Website beginnen und enden mit /, z. B. /cities/lyon/ oder /events/brunch/#anmeldung
checks-template-link-broken = defekter Link { $link } in der Seite { $page } (Vorlage { $template }): { $why }
checks-template-link-broken-more = defekter Link { $link } in der Seite { $page } und { $more } { $more ->
        [one] weiteren Seite
       *[other] weiteren Seiten
    } (Vorlage { $template }): { $why }
checks-template-did-you-mean = vielleicht { $suggestion } gemeint? In Vorlagen Links als {"{{"} site.base_path {"}}"}cities/ schreiben, damit die Website auch in einem Unterordner funktioniert
checks-template-link-hint = in Vorlagen Links innerhalb der Website als {"{{"} site.base_path {"}}"}cities/ schreiben; ids für #Anker muss es auf der Zielseite geben
checks-image-no-alt = ein Bild ohne Alternativtext in der Seite { $page } (Vorlage { $template })
checks-image-no-alt-hint = alt="…" mit einer Beschreibung des Bildes ergänzen, oder alt="", wenn es nur Schmuck ist
