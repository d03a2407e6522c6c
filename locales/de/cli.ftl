# Was die Kommandozeile ausgibt: Ergebnisse von build, check, init, new und serve, und die
# Fragen von init.

build-done = { $files } { $files ->
        [one] Datei
       *[other] Dateien
    } ({ $kb } KB) in { $ms } ms nach { $path } gebaut: { $written } geschrieben, { $unchanged } unverändert, { $removed } entfernt.
build-nothing-written = Nichts wurde geschrieben; { $path } ist unverändert.
check-clean = Keine Probleme gefunden.
check-only-warnings = Keine Fehler gefunden; bitte die Warnungen oben ansehen.
summary = { $errors } { $errors ->
        [one] Fehler
       *[other] Fehler
    }, { $warnings } { $warnings ->
        [one] Warnung
       *[other] Warnungen
    }.
init-done = Neue Website in { $path } mit { $files } Dateien angelegt.
init-next = Weiter: cd { $path } && twinsite build   (dann content/impressum.md und content/datenschutz.md ausfüllen)
new-done = { $path } angelegt. Im Editor öffnen und die mit Pflicht markierten Zeilen ausfüllen.
serve-listening = Vorschau unter { $url }
serve-built = { $files } Dateien in { $ms } ms gebaut. Änderungen werden beobachtet; beenden mit Strg-C.
serve-rebuilt = Neu gebaut in { $ms } ms ({ $changed } { $changed ->
        [one] Datei
       *[other] Dateien
    } geändert)
serve-failed = Bauen nach { $ms } ms fehlgeschlagen; die letzte gute Fassung wird weiter gezeigt.
error-line = Fehler: { $text }
warning-line = Warnung: { $text }

init-ask-name = Name der Heimatstadt
init-ask-lat = Breitengrad der Heimatstadt in Dezimalgrad
init-ask-lon = Längengrad der Heimatstadt in Dezimalgrad
init-ask-title = Titel der Website
init-ask-base-url = Adresse, unter der die Website erscheinen wird (Basis-URL)
init-ask-language = Sprache der Website ({ $languages })
init-language-unknown = „{ $value }“ ist keine der Sprachen, die eine Website haben kann: { $languages }.
coordinate-not-a-number = „{ $value }“ ist keine Zahl in Dezimalgrad. Bitte so schreiben: { $example } – mit Punkt und ohne Gradzeichen.
coordinate-degrees-minutes = „{ $value }“ ist in Grad und Minuten angegeben; in Dezimalgrad ist das { $decimal }. Bitte { $decimal } eingeben.
latitude-out-of-range = { $value } ist kein Breitengrad: Breitengrade liegen zwischen -90 (Südpol) und 90 (Nordpol), zum Beispiel 49.35. Südlich des Äquators sind sie negativ.
longitude-out-of-range = { $value } ist kein Längengrad: Längengrade liegen zwischen -180 und 180, zum Beispiel 8.14. Westlich von Greenwich sind sie negativ.
cli-date-example = { $problem }; bitte so schreiben: 2026-05-16
