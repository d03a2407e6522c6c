# Inhaltsdateien: das Lesen von der Festplatte, ihr Kopfteil (YAML), die Prüfung jeder Angabe,
# Übersetzungen, Bilder, der Markdown-Text und Daten, die vertippt aussehen.

## Dateien, die beim Bauen gelesen werden: Arten, Größen und warum eine abgelehnt wird

content-limit-content = Inhaltsdateien
content-limit-content-hint = den Text auf mehrere Seiten aufteilen oder ein langes Dokument als PDF in static/ ablegen und darauf verlinken
content-limit-front-matter = Kopfteile (den Teil zwischen den Zeilen mit ---)
content-limit-front-matter-hint = `summary` und die anderen Angaben kurz halten; langer Text gehört unter die schließende Zeile mit ---
content-limit-config = site.yaml
content-limit-config-hint = site.yaml enthält nur einige Einstellungen; lange Texte in Inhaltsseiten verschieben
content-limit-template = Vorlagen
content-limit-template-hint = die Vorlage mit {"{"}% include %{"}"} aufteilen oder große eingebettete Daten nach static/ verschieben
content-limit-i18n = Dateien mit Oberflächentexten
content-limit-i18n-hint = eine Datei mit Oberflächentexten enthält nur kurze Texte
content-limit-image = Bilder
content-limit-image-hint = das Bild kleiner speichern (eine Webseite braucht höchstens etwa 2000 Pixel Breite)
content-limit-static = Dateien in static/
content-limit-static-hint = große Dateien (Videos, Archive) bei einem anderen Dienst ablegen und darauf verlinken
content-limit-ignore-file = .gitignore-Dateien
content-limit-ignore-file-hint = eine .gitignore enthält einige Muster, eines pro Zeile

content-size-mb = { $mb } MB
content-size-mb-tenths = { $mb },{ $tenths } MB
content-size-kb = { $kb } KB
content-size-bytes = { $bytes } Byte

content-type-pipe = eine benannte Pipe (FIFO)
content-type-device = ein Gerät
content-type-socket = ein Socket
content-type-folder = ein Ordner
content-type-file = eine Datei
content-type-other = etwas anderes als eine Datei

# Diese Texte beenden einen Satz, der mit der Datei beginnt: „das Bild x.jpg …“, „dieser Ordner …“.
content-refusal-escapes = zeigt nach außerhalb des Ordners (ein absoluter Pfad oder einer mit `..`)
content-refusal-missing = existiert nicht
content-refusal-outside-root = führt über einen symbolischen Link an einen Ort außerhalb des Website-Ordners
content-refusal-not-a-file = ist { $kind }, keine normale Datei
content-refusal-not-a-folder = ist { $kind }, kein Ordner
content-refusal-too-large = ist { $size } groß; twinsite liest { $what } bis höchstens { $limit }
content-refusal-too-large-unknown = ist zu groß; twinsite liest { $what } bis höchstens { $limit }
content-refusal-unreadable = kann nicht gelesen werden: { $problem }
content-refusal-outside-hint = twinsite liest nur Dateien im Website-Ordner: das Nötige in den Website-Ordner kopieren, statt auf einen Ort außerhalb zu zeigen oder zu verlinken
content-refusal-missing-hint = die Schreibweise des Dateinamens prüfen, auch Groß- und Kleinschreibung
content-refusal-folder-hint = eine Datei angeben, keinen Ordner
content-refusal-not-a-file-hint = durch eine normale Datei ersetzen oder löschen
content-refusal-not-a-folder-hint = durch einen normalen Ordner ersetzen, umbenennen oder löschen
content-refusal-unreadable-hint = prüfen, ob die Datei existiert und gelesen werden darf
content-folder-expected = das ist { $kind }, hier wird aber ein Ordner erwartet
content-this-folder = dieser Ordner { $problem }
content-this-file = diese Datei { $problem }

## Das Durchsuchen der Ordner der Website

content-walk-unreadable = kann nicht gelesen werden: { $problem }
content-link-to-folder = das ist ein Link auf einen Ordner; twinsite folgt keinen Links auf Ordner
content-link-to-folder-hint = den Ordner hierher kopieren, statt auf ihn zu verlinken
content-link-outside = das ist ein symbolischer Link an einen Ort außerhalb des Website-Ordners; twinsite liest ihn nicht
content-gitignore-unused = diese .gitignore wird nicht verwendet: sie { $problem }

## Das Lesen einer Textdatei

content-file-utf16 = diese Datei ist in UTF-16 gespeichert; twinsite liest nur UTF-8
content-file-not-utf8 = diese Datei ist nicht in UTF-8 gespeichert (vielleicht in Latin-1 oder Windows-1252); twinsite liest nur UTF-8
content-file-not-utf8-hint = die Datei im Editor öffnen und erneut mit der Kodierung „UTF-8“ speichern

## Was aus dem Markdown-Text entfernt wurde, weil es Code ausführen könnte

content-removed-tag = das HTML-Element <{ $tag }> ist in Inhalten nicht erlaubt und wurde entfernt
content-removed-attribute = das HTML-Attribut `{ $attribute }` ist in Inhalten nicht erlaubt und wurde entfernt
content-removed-url = die Link- oder Bildadresse „{ $url }“ ist nicht erlaubt und wurde entfernt
content-removed-url-hint = Links und Bilder dürfen auf Webadressen (https://…), E-Mail (mailto:…), Telefonnummern (tel:…) und Seiten dieser Website (/cities/lyon/) zeigen; der Text bleibt stehen, nur der Link fehlt
content-removed-html-hint = Skripte, Stile, Formulare, Ereignis-Handler und eingebettete Player oder Karten (iframe) werden entfernt, weil sie Code ausführen oder andere Websites laden; stattdessen auf das Video oder die Karte verlinken. Wenn alle, die Inhalte schreiben, vertrauenswürdig sind, lässt `unsafe_html: true` in site.yaml HTML unverändert durch
content-image-no-alt = das Bild { $image } hat keinen Alternativtext (keine Beschreibung)
content-image-no-alt-hint = das Bild für Menschen beschreiben, die es nicht sehen können: ![Rathaus von Lyon im Abendlicht](…)

## Die Prüfung der Angaben einer Inhaltsdatei

# Welche Art von Eintrag eine Datei ist, nach „für“: „unbekannte Angabe `x` für einen Termin“.
content-for-city = eine Partnerstadt
content-for-association = einen Verein
content-for-event = einen Termin
content-for-news = eine Meldung
content-for-page = eine Seite
# Was eine Angabe sein muss, in „`key` muss … sein“: „`draft` muss `true` oder `false` sein“.
content-expect-bool = `true` oder `false`
content-expect-weight = eine ganze Zahl wie 10
content-expect-year-ended = eine Jahreszahl wie 2014
content-expect-year-founded = eine Jahreszahl wie 1975
content-expect-sdgs = eine Liste von Nummern der Nachhaltigkeitsziele wie [4, 11, 13]
content-expect-population = eine ganze Zahl wie 522250
content-expect-location = eine Gruppe `{"{"} name, address, lat, lon {"}"}`
content-expect-repeat = eine Gruppe wie `{"{"} every: month, weekday: tue, nth: 2 {"}"}`
content-expect-coordinate = eine Zahl in Dezimalgrad wie { $example }
content-coordinate-degrees-minutes = `{ $key }` ist in Grad und Minuten angegeben („{ $value }“); in Dezimalgrad ist das { $decimal }
content-coordinate-degrees-minutes-hint = `{ $key }: { $decimal }` schreiben
content-expect-contacts = eine Liste von Einträgen `{"{"} name, role, email, phone {"}"}`
content-expect-picture = ein Dateiname wie `foto.jpg` oder `{"{"} src: foto.jpg, alt: …, caption: …, credit: … {"}"}`
content-expect-picture-texts = eine Gruppe nur mit den Texten `{"{"} alt: …, caption: …, credit: … {"}"}` (die Datei kommt aus dem Original)
content-expect-location-texts = eine Gruppe nur mit den Texten `{"{"} name: …, address: … {"}"}` (die Koordinaten kommen aus dem Original)

content-key-problem = `{ $key }`: { $problem }
content-slug-invalid = `slug` „{ $slug }“ darf nur a-z, 0-9 und - enthalten
content-slug-invalid-hint = `slug: { $suggestion }` schreiben
content-file-name-invalid = der Dateiname „{ $name }“ kann nicht in einer Webadresse stehen: nur a-z, 0-9 und - sind erlaubt
content-file-name-invalid-hint = die Datei in „{ $suggestion }.md“ umbenennen oder `slug: { $suggestion }` in den Kopfteil schreiben
content-list-too-long = `{ $key }` hat { $count } Einträge; eine Seite darf höchstens { $max } haben
content-list-too-long-hint = die { $max } wichtigsten behalten; jeder Eintrag wird eine Seite oder Datei der Website
content-country-code-invalid = `country_code` „{ $code }“ ist kein zweibuchstabiger ISO-Ländercode
content-country-code-invalid-hint = Codes wie FR, PL, GB, US verwenden
content-since-hint = das Jahr (`since: 1981`) oder das Datum der Unterzeichnung (`since: 1981-05-12`) angeben
content-ended-without-year = die Partnerschaft ist beendet, aber `ended` sagt nicht, wann
content-ended-without-year-hint = `ended: 2014` mit dem Jahr des Endes ergänzen
content-sdg-out-of-range = `sdgs` enthält { $goal }, aber die UN-Nachhaltigkeitsziele sind von 1 bis 17 nummeriert
content-end-date-before-date = `end_date` { $end_date } liegt vor `date` { $date }
content-end-date-before-date-hint = `end_date` ist der letzte Tag eines mehrtägigen Termins; es muss am oder nach `date` liegen
content-end-without-time = `end` ist angegeben, aber keine Anfangszeit `time`
content-end-without-time-hint = `time: "19:00"` mit der Anfangszeit ergänzen oder `end` entfernen, wenn der Termin ganztägig ist
content-end-not-after-time = `end` { $end } liegt nicht nach der Anfangszeit `time` { $time }
content-end-not-after-time-hint = für einen Termin, der über Mitternacht geht, `end_date` mit dem nächsten Tag ergänzen
content-location-off-globe = `location` hat lat/lon außerhalb der Erdkugel
content-location-off-globe-hint = lat reicht von -90 bis 90, lon von -180 bis 180
content-repeat-warning-hint = das Datum aus `except` entfernen oder korrigieren
content-repeat-error-hint = siehe „Recurring events“ in der Referenz: https://github.com/twinsite/twinsite/blob/main/docs/reference.md#recurring-events
content-one-of = `{ $key }` kann nicht „{ $value }“ sein
content-one-of-hint = erlaubt: { $allowed }
content-one-of-suggestion-hint = vielleicht `{ $suggestion }` gemeint? erlaubt: { $allowed }
content-date-form = „{ $value }“ ist kein Datum in der Form JJJJ-MM-TT
content-date-not-real = { $value } ist kein gültiges Datum
content-date-hint = das Datum als Jahr-Monat-Tag schreiben, z. B. `2026-05-16` für den 16. Mai 2026
content-time-form = „{ $value }“ ist keine Uhrzeit in der Form HH:MM
content-time-not-real = { $value } ist keine gültige Uhrzeit
content-time-hint = die Uhrzeit mit Stunden und Minuten in Anführungszeichen schreiben, z. B. `{ $key }: "19:30"`
content-coordinate-out-of-range = `{ $key }` ist { $value }, muss aber zwischen -{ $limit } und { $limit } liegen
content-coordinate-out-of-range-hint = lat reicht von -90 (Südpol) bis 90 (Nordpol), lon von -180 bis 180; sind lat und lon vertauscht?
content-name-expected = `{ $key }` muss ein Name wie { $example } sein, nicht { $kind } ({ $value })
content-name-expected-hint = den Namen schreiben, z. B. `{ $key }: { $example }`
content-url-invalid = `{ $key }` „{ $value }“ ist keine Webadresse
content-url-invalid-hint = die vollständige Adresse schreiben, z. B. `{ $key }: https://www.example.org/`

## Bilder im Kopfteil (`image:`, `gallery:`)

content-image-is-a-list = `image` ist ein einzelnes Bild, keine Liste
content-image-is-a-list-hint = weitere Bilder unter `gallery:` aufführen
content-picture-no-file = ein Bild in `{ $key }` hat keinen Dateinamen
content-picture-no-file-hint = den Namen der Datei angeben, z. B. `src: foto.jpg`, oder den Eintrag entfernen
content-picture-no-alt-hint = das Bild für Menschen beschreiben, die es nicht sehen können: `{"{"} src: foto.jpg, alt: "Die Delegation vor dem Rathaus" {"}"}` (`alt: ""` schreiben, wenn das Bild nur schmückt)
content-image-missing-beside = das Bild { $image } liegt nicht neben dieser Datei
content-image-missing-static = das Bild { $image } gibt es nicht in static/
content-image-refused = das Bild { $image } { $problem }
content-image-similar-hint = vielleicht { $name } gemeint? (Namen müssen genau übereinstimmen, auch in Groß- und Kleinschreibung)
content-image-missing-static-hint = die Datei unter static{ $image } ablegen oder den Dateinamen korrigieren
content-image-where-hint = das Bild in denselben Ordner wie diese Datei legen und `image: foto.jpg` schreiben, oder es in static/images/ ablegen und `image: /images/foto.jpg` schreiben
content-image-external = das Bild { $image } liegt auf einer anderen Website: der Browser jedes Besuchers würde es von dort laden
content-image-external-hint = die Website lädt nichts von anderen Websites: das Bild (wenn es verwendet werden darf) in static/images/ speichern und `image: /images/name.jpg` schreiben

## Übersetzungsdateien (`lyon.fr.md`)

content-rename-to = in { $name } umbenennen
content-translation-default-language = „{ $code }“ ist die Hauptsprache der Website, daher braucht diese Datei keine Sprache im Namen
content-translation-unknown-language = das sieht nach einer Übersetzung in „{ $code }“ aus, aber site.yaml führt diese Sprache nicht auf
content-translation-unknown-language-hint = die Sprache in site.yaml ergänzen: `languages: [{ $languages }]`; oder die Datei in { $name } umbenennen, wenn sie keine Übersetzung ist
content-translation-differs = `{ $key }` weicht vom Original ab ({ $original }:{ $line }): diese Angabe gilt für alle Sprachen
content-translation-differs-hint = die Angabe in { $original } ändern (für alle Sprachen) und hier denselben Wert schreiben oder die Zeile entfernen
content-translation-shared-key = `{ $key }` kann nicht übersetzt werden: diese Angabe gilt für alle Sprachen und gehört in { $original }
content-translation-shared-key-hint = die Angabe hier entfernen; eine Übersetzung enthält nur diese Angaben: { $keys }, und den Text unter dem Kopfteil
content-translation-empty = `{ $key }` ist leer
content-translation-empty-hint = den übersetzten Text schreiben oder die Angabe entfernen, damit der Text des Originals gilt

## Das Finden der Inhaltsdateien

content-no-folder = es gibt keinen Inhaltsordner `content`
content-no-folder-hint = einen Ordner `content` mit den Unterordnern `cities`, `associations`, `events` und `news` anlegen
content-misnamed-markdown = diese Datei wird übergangen: twinsite liest nur Inhaltsdateien, deren Name auf .md endet (kleingeschrieben)
content-two-language-codes = dieser Dateiname enthält zwei Sprachcodes, „{ $first }“ und „{ $second }“; twinsite erwartet einen: { $original } für das Original, { $translation } für eine Übersetzung
content-front-matter-refused = der Kopfteil { $problem }
content-sub-folder = nur Termine dürfen in Unterordnern liegen; diese Datei liegt in content/{ $folder }/…/
content-sub-folder-hint = die Datei direkt nach content/{ $folder }/ verschieben
content-unknown-folder = twinsite kennt den Inhaltsordner „{ $folder }“ nicht
content-unknown-folder-hint = Inhalte gehören nach content/cities, content/associations, content/events, content/news oder für einfache Seiten direkt nach content/
content-not-a-content-file = keine Inhaltsdatei
# Ein Problem in einem Entwurf ist nur eine Warnung: die Meldung bekommt diesen Schluss.
content-in-draft = { $message } (in einem Entwurf, der nicht veröffentlicht wird)

## Daten, die vertippt aussehen, gemessen am Baudatum

content-build-date-odd = das Baudatum { $date } liegt nicht zwischen { $from } und { $to }: an ihm wird gemessen, ob Termine bevorstehen oder vorbei sind, und der Kalender wird um es herum angelegt
content-build-date-odd-hint = --now weglassen, um für heute zu bauen, oder ein Datum wie --now 2026-05-16 angeben
content-until-in-repeat = `until` in `repeat`
content-date-far-after = { $key } { $date } liegt { $years } { $years ->
        [one] Jahr
       *[other] Jahre
    } nach dem Baudatum { $now }: ist die Jahreszahl vertippt?
content-date-far-before = { $key } { $date } liegt { $years } { $years ->
        [one] Jahr
       *[other] Jahre
    } vor dem Baudatum { $now }: ist die Jahreszahl vertippt?
content-date-far-hint = vielleicht { $meant } gemeint? Daten, die mehr als { $back } Jahre zurück oder { $ahead } Jahre voraus liegen, sind sehr wahrscheinlich Tippfehler; der Kalender zeigt ein solches Datum nur auf der Seite seines Monats
content-year-in-future = { $key } { $written } liegt in der Zukunft (das Baudatum ist { $now }): ist die Jahreszahl vertippt?
content-year-too-old = { $key } { $written } liegt vor { $oldest }: ist die Jahreszahl vertippt?
content-year-meant-hint = vielleicht { $meant } gemeint? `{ $key }: { $meant }` schreiben
content-year-since-hint = das Jahr angeben, in dem die Partnerschaft unterzeichnet wurde, z. B. `since: 1981`
content-year-ended-hint = das Jahr angeben, in dem die Partnerschaft endete, z. B. `ended: 2014`
content-year-founded-hint = das Gründungsjahr angeben, z. B. `{ $key }: 1975`
content-event-long = dieser Termin dauert { $days } Tage, vom { $from } bis { $to }: stimmt `end_date`?
content-event-long-hint = `end_date` ist der letzte Tag eines mehrtägigen Termins (ein Austausch, ein Workcamp); für ein Treffen, das immer wieder stattfindet, den ersten Tag als `date` angeben und stattdessen `repeat` ergänzen (siehe „Recurring events“ in der Referenz: https://github.com/twinsite/twinsite/blob/main/docs/reference.md#recurring-events)
content-event-overlaps = dieser Termin dauert jedes Mal { $days } { $days ->
        [one] Tag
       *[other] Tage
    } (bis `end_date` { $end_date }), aber `repeat` beginnt ihn schon nach { $gap } { $gap ->
        [one] Tag
       *[other] Tagen
    } wieder, sodass sich die Daten überschneiden
content-event-overlaps-hint = `end_date` ist nur der letzte Tag des ersten Mals: für ein eintägiges Treffen, das sich wiederholt, `end_date` entfernen

## Kopfteil und YAML-Dateien: Fehler im YAML selbst

content-the-front-matter = der Kopfteil
content-yaml-invalid = { $what } ist kein gültiges YAML: { $problem }
content-yaml-too-much = YAML-Anker und -Verweise (&name, *name) ergeben zu viele Daten
content-yaml-too-much-hint = die Werte ausschreiben, statt sie mit *name zu wiederholen; twinsite braucht keine Anker und Verweise
content-yaml-duplicate = die Angabe `{ $key }` steht zweimal da (zum ersten Mal in Zeile { $line })
content-yaml-duplicate-hint = eine der beiden Zeilen behalten und die andere löschen
content-yaml-huge-number = die Zahl { $number } ist zu groß
content-yaml-huge-number-hint = eine kleinere Zahl schreiben oder den Wert in Anführungszeichen setzen, wenn er ein Text ist
content-yaml-too-deep = die Werte sind zu tief verschachtelt
content-yaml-too-deep-hint = die Klammern [ ] und {"{"} {"}"} in dieser Zeile prüfen
content-yaml-unknown-anchor = *{ $name } verweist auf einen Anker &{ $name }, der davor nicht festgelegt ist
content-yaml-unknown-anchor-hint = ein Wert, der mit * beginnt, muss in Anführungszeichen stehen, z. B. title: "*Neu* im Programm"
content-yaml-tab = ein Tabulatorzeichen in Zeile { $line }: YAML braucht Leerzeichen zum Einrücken
content-yaml-tab-hint = den Tabulator am Zeilenanfang durch Leerzeichen ersetzen (zwei pro Ebene)
# Was falsch ist, nach „der Kopfteil ist kein gültiges YAML:“.
content-yaml-colon = ein `: ` an einer Stelle, an der es nicht stehen darf: ein zweites `: ` in einer Zeile oder eine zu weit eingerückte Zeile
content-yaml-colon-hint = ein Wert, der `: ` enthält, muss in Anführungszeichen stehen, z. B. title: "Treffen: Planung"
content-yaml-escape = auf einen Backslash `\` in doppelten Anführungszeichen folgt ein Zeichen, das YAML dort nicht annimmt
content-yaml-escape-hint = den Text stattdessen in einfache Anführungszeichen ('…') setzen oder den Backslash verdoppeln (`\\`)
content-yaml-open-quote = ein Anführungszeichen wird hier geöffnet, aber nie geschlossen
content-yaml-open-quote-hint = den Wert mit demselben Anführungszeichen beenden, mit dem er beginnt, z. B. title: "Brunch im Park"
content-yaml-ends-early = der Text endet mitten in einem Wert
content-yaml-open-list = eine Liste in [ ] wird nicht mit `]` geschlossen, oder einer ihrer Werte braucht Anführungszeichen
content-yaml-open-list-hint = die Liste mit `]` schließen; Werte, die `,`, `:`, `[` oder `]` enthalten, in Anführungszeichen setzen
content-yaml-open-group = eine Gruppe in {"{"} {"}"} wird nicht mit `{"}"}` geschlossen, oder einer ihrer Werte braucht Anführungszeichen
content-yaml-open-group-hint = die Gruppe mit `{"}"}` schließen; Werte, die `,`, `:`, `{"{"}` oder `{"}"}` enthalten, in Anführungszeichen setzen
content-yaml-needs-quotes = ein Wert darf nur in Anführungszeichen mit { $start } beginnen
content-yaml-quote-hint = den ganzen Wert in Anführungszeichen setzen, z. B. title: "…"
content-yaml-control = der Text enthält ein unsichtbares Steuerzeichen
content-yaml-control-hint = die Zeile löschen und neu tippen; aus anderen Programmen kopierter Text kann solche Zeichen mitbringen
content-yaml-documents = eine Zeile `---` oder `...` teilt die Datei in mehrere Teile
content-yaml-documents-hint = diese Zeile entfernen: die Datei ist eine einzige Liste von Zeilen `key: value`
content-yaml-list-entry = diese Zeile ist eingerückt wie die Einträge der Liste darüber, beginnt aber nicht mit `- `
content-yaml-list-entry-hint = jeden Eintrag der Liste mit `- ` beginnen oder diese Zeile so weit nach links rücken wie die Angabe, zu der die Liste gehört
content-yaml-list-here = ein Listeneintrag `- ` kann hier nicht beginnen
content-yaml-list-here-hint = die Liste in der Zeile unter ihrer Angabe beginnen: `cities:`, darunter `  - lyon`
content-yaml-after-value = Text nach einem schließenden Anführungszeichen oder einer schließenden Klammer, oder eine Zeile, die anders eingerückt ist als die Zeilen darüber
content-yaml-missing-value = hier fehlt ein Wert, oder er beginnt mit einem Zeichen, das Anführungszeichen braucht
content-yaml-check-hint = Anführungszeichen und Einrückung in dieser Zeile prüfen; Werte mit `:`, `#`, `@` oder einem `*` oder `&` am Anfang brauchen Anführungszeichen
content-yaml-missing-colon = in einer Zeile fehlt der `:` nach der Angabe
content-yaml-missing-colon-hint = jede Zeile als `key: value` schreiben; Zeilen, die einen Text fortsetzen, müssen eingerückt sein
content-yaml-block-text = nach `|` oder `>` muss der Text in der nächsten Zeile beginnen
content-yaml-block-text-hint = `key: |` schreiben und den Text eingerückt in die folgenden Zeilen
content-yaml-other = Anführungszeichen, Doppelpunkte oder Einrückung passen hier nicht zusammen
content-yaml-other-hint = Anführungszeichen, Doppelpunkte und Einrückung in dieser Zeile prüfen

## Ein Wert der falschen Art, in „`key` muss … sein“

content-must-be = `{ $key }` muss { $what } sein{ $detail }
content-must-be-text = `{ $key }` muss ein Text sein, nicht { $kind }
content-must-be-list = `{ $key }` muss eine Liste sein
content-key-form-hint = die Form jeder Angabe steht in der Referenz: https://github.com/twinsite/twinsite/blob/main/docs/reference.md
content-text-hint = in eine Zeile schreiben, z. B. `key: some text`; Text mit `: ` in Anführungszeichen setzen
content-list-entry-not-single = jeder Eintrag von `{ $key }` muss ein einzelner Wert sein
content-list-form-hint = die Liste als `key: [a, b]` schreiben oder eine Zeile `- a` pro Eintrag
# Was ein Wert ist: „`title` muss ein Text sein, nicht eine Liste“.
content-kind-empty = leer
content-kind-text = ein Text
content-kind-number = eine Zahl
content-kind-bool = `true` oder `false`
content-kind-list = eine Liste
content-kind-group = eine Gruppe von Angaben
content-found-text = der Text „{ $text }“
content-found-number = die Zahl { $number }
# Das Ende von „`key` muss … sein“: was mit dem Wert nicht stimmt.
content-detail-not = , nicht { $found }
content-detail-inner = ; einer der Werte ist { $found }
content-detail-list-length = , nicht eine Liste mit { $count ->
        [one] einem Eintrag
       *[other] { $count } Einträgen
    }
content-detail-unknown-key = : unbekannte Angabe { $key }
content-detail-unknown-key-allowed = : unbekannte Angabe { $key } (erlaubt: { $allowed })
content-detail-missing-key = : die Angabe { $key } fehlt
content-detail-duplicate-key = : die Angabe { $key } steht zweimal da
content-detail-not-one-of = : { $value } ist keiner der Werte { $allowed }
# Eine Datei mit Zeilen `key: text` (die Oberflächentexte eines Themes); place ist Datei und Zeile.
content-strings-entry = { $place }: jeder Eintrag muss die Form `key: text` haben
content-strings-entry-detail = { $place }: jeder Eintrag muss die Form `key: text` haben{ $detail }
content-strings-invalid = { $place }: kein gültiges YAML: { $problem }

## Der Kopfteil einer Inhaltsdatei

content-no-front-matter = diese Datei hat keinen Kopfteil
content-no-front-matter-hint = die Datei mit einer Zeile `---` beginnen, darunter `title: …` und die anderen Angaben, dann wieder eine Zeile `---`
content-front-matter-unclosed = der Kopfteil beginnt hier, wird aber nie geschlossen
content-front-matter-unclosed-hint = nach der letzten Angabe, vor dem Text der Seite, eine Zeile nur mit `---` einfügen
content-front-matter-not-keys = der Kopfteil muss aus Zeilen der Form `key: value` bestehen
content-front-matter-not-keys-hint = eine Angabe `key: value` pro Zeile schreiben, z. B. `title: Partnerschaftsbrunch`
content-file-not-keys = diese Datei muss aus Zeilen der Form `key: value` bestehen
content-required-missing = die Pflichtangabe `{ $key }` fehlt
content-required-missing-hint = eine Zeile `{ $key }: …` ({ $what }) zwischen den `---`-Zeilen ergänzen
content-required-empty = die Pflichtangabe `{ $key }` fehlt oder ist leer
content-required-empty-hint = eine Zeile wie `{ $key }: { $example }` zwischen den `---`-Zeilen ergänzen
content-unknown-key = unbekannte Angabe `{ $key }` für { $what }; sie wird ignoriert
content-did-you-mean = vielleicht `{ $suggestion }` gemeint?
content-known-keys = die Angaben für { $what } sind: { $keys }
