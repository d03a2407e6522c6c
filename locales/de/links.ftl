# Was twinsite sagt, wenn es die Dateien zu einer Website verknüpft: Slugs und Adressen,
# Verweise zwischen Einträgen, Aliasse, Bilder neben einer Datei und Übersetzungen ohne Original.

links-topic-no-letters = das Thema „{ $topic }“ enthält keine Buchstaben oder Ziffern, die in einer Webadresse stehen können; es wird übergangen
links-slug-reserved = der Seiten-Slug „{ $slug }“ wird von twinsite selbst für /{ $slug }/ verwendet
links-slug-language-folder = der Seiten-Slug „{ $slug }“ ist der Ordner der Sprache „{ $slug }“ (/{ $slug }/)
links-slug-taken-hint = die Datei umbenennen oder einen anderen `slug:` setzen
links-slug-collision = der Slug „{ $slug }“ wird schon von { $other } verwendet
# Woher die andere Datei ihren Slug hat, wenn sie keine Zeile `slug:` enthält.
links-slug-from-file-name = { $path } (aus dem Dateinamen)
links-slug-collision-hint = zwei Einträge derselben Art brauchen verschiedene `slug:`-Werte oder Dateinamen
links-slug-collision-file-hint = der Name dieser Datei gibt ihr den Slug „{ $slug }“; eine der Dateien umbenennen oder einer von ihnen einen anderen `slug:` geben
links-ref-draft = { $slug } ist ein Entwurf und wird nicht veröffentlicht; `draft: true` aus { $path } entfernen oder mit --drafts bauen
links-ref-draft-hint = oder „{ $slug }“ aus { $key } entfernen, bis der Entwurf fertig ist
links-unknown-city = unbekannte Partnerstadt „{ $slug }“ in { $key }
links-unknown-association = unbekannter Verein „{ $slug }“ in { $key }
links-did-you-mean = vielleicht „{ $suggestion }“ gemeint?
links-use-file-name-hint = den Dateinamen (ohne .md) einer Datei in content/{ $folder }/ verwenden
links-config-page-draft = `{ $key }` nennt die Seite „{ $slug }“, die ein Entwurf ist und nicht veröffentlicht wird; `draft: true` aus { $path } entfernen oder mit --drafts bauen
links-config-page-missing = `{ $key }` nennt die Seite „{ $slug }“, aber es gibt keine content/{ $slug }.md
links-config-page-missing-hint = content/{ $slug }.md anlegen

# Aliasse (`aliases:`): alte Adressen, die zu einer Seite führen.
links-alias-control-character = der Alias „{ $alias }“ enthält ein unsichtbares Steuerzeichen (U+{ $code })
links-alias-control-character-hint = den Alias neu eintippen; er muss aus einer Zeile sichtbarer Zeichen bestehen
links-alias-not-a-path = der Alias „{ $alias }“ muss ein alter Pfad auf dieser Website sein, der mit / beginnt
links-alias-hint = so schreiben: `/partnerstaedte/lyon.html` oder `/alt/lyon/`
links-alias-too-long = der Alias ist { $length } Zeichen lang; höchstens { $max } sind erlaubt
links-alias-character = der Alias „{ $alias }“ enthält das Zeichen { $character }
links-alias-backslash-hint = Webadressen trennen Ordner mit /, niemals mit \
links-alias-query-hint = eine statische Website kann nicht weiterleiten, was nach ? oder # steht; diesen Teil weglassen
links-alias-character-hint = Dateinamen können \ ? # < > : " | * nicht enthalten; das Zeichen weglassen
links-alias-empty-part = der Alias „{ $alias }“ enthält einen leeren Teil //
links-alias-dot-part = der Alias „{ $alias }“ enthält den Teil „..“ oder „.“
links-alias-dot-part-hint = die alte Adresse ohne die Teile . und .. schreiben
links-alias-hidden = der Alias „{ $alias }“ nennt eine versteckte Datei oder einen versteckten Ordner (einen Namen, der mit einem Punkt beginnt)
links-alias-hidden-hint = Webserver halten Namen, die mit einem Punkt beginnen, unter Verschluss, und twinsite legt dort seine eigenen Dateien ab; ein Alias kann keine solche Adresse sein
links-alias-long-part = der Alias „{ $alias }“ hat einen Teil, der länger als { $max } Zeichen ist
links-alias-fixed-file = der Alias { $alias } ist die Adresse einer Seite oder Datei, die jede Website hat
links-alias-fixed-folder = der Alias { $alias } braucht /{ $file } als Ordner, aber dort hat jede Website eine Datei
links-alias-in-use-hint = ein Alias muss eine alte Adresse sein, die keine Seite und keine Datei der Website mehr verwendet
links-alias-twice = der Alias { $alias } steht zweimal in der Liste (auch als { $other })
links-alias-claimed = der Alias { $alias } wird auch von { $place } beansprucht
links-alias-taken = der Alias { $alias } ist die Adresse { $what }
links-alias-needs-folder = der Alias { $alias } braucht /{ $folder } als Ordner, aber das ist die Adresse { $what }
links-alias-is-folder = der Alias { $alias } ist ein Ordner der Website, in dem die Adresse { $what } liegt
links-alias-static-file = der Alias { $alias } ist die Adresse von { $file }, das die Website veröffentlicht
# Was schon eine Adresse hat, im Genitiv nach „die Adresse“ oben.
links-what-site-file = einer Seite oder Datei, die jede Website hat
links-what-page-of = der Seite von { $path }
links-what-alias = des Alias { $alias }

links-slug-too-long = die Adresse (Slug) ist { $length } Zeichen lang; höchstens { $max } sind erlaubt
links-slug-too-long-hint = einen kürzeren `slug:` setzen oder der Datei einen kürzeren Namen geben
links-topic-too-long = ein Themenname ist { $length } Zeichen lang, zu lang für die Adresse seiner Seite
links-topic-too-long-hint = Themen sind kurze Wörter wie `Jugend` oder `Kultur`
links-image-outside = das Bild „{ $image }“ muss eine Datei im selben Ordner wie diese Datei oder darunter sein
links-image-outside-hint = ein Bild von anderswo in static/ ablegen und `image: /images/name.svg` schreiben

links-translation-no-original = dies ist eine Übersetzung von { $path }, das es nicht gibt
links-translation-no-original-hint = eine Übersetzung liegt neben ihrem Original, mit der Sprache vor .md: lyon.md und lyon.fr.md; das Original anlegen oder diese Datei umbenennen
