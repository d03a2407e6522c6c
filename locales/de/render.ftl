# Die Website erstellen und schreiben: Themes, Vorlagen, UI-Texte, statische Dateien, der Ausgabeordner.

render-page-failed = { $page } konnte nicht erstellt werden: { $detail }
render-page-failed-hint = die Vorlage prüfen; eine Datei im Ordner templates/ der Website ersetzt die gleichnamige Datei des Themes
render-cannot-write-calendar = { $path } kann nicht geschrieben werden: { $problem }
render-static-replaces-page = static/{ $key } ersetzt eine gleichnamige Seite
render-static-name-unusable = dieser Dateiname kann nicht veröffentlicht werden: er enthält ein Steuerzeichen, ein \ oder einen Namen, den twinsite selbst verwendet
render-static-name-unusable-hint = die Datei umbenennen und dabei nur Buchstaben, Ziffern, - und _ verwenden
render-static-image-unusable = dieses Bild kann nicht veröffentlicht werden: es { $problem }

render-theme-missing = das Theme „{ $theme }“ gibt es nicht
render-theme-missing-hint = den Ordner { $folder } anlegen oder `theme:` entfernen, um das eingebaute Standard-Theme zu verwenden
render-template-unreadable = die Vorlage kann nicht gelesen werden: { $detail }
render-template-unreadable-hint = die Tags {"{{ }}"} und {"{% %}"} dieser Vorlage prüfen

# Die UI-Texte des Themes (themes/<name>/i18n/<sprache>.yaml).
render-ui-strings-unreadable = die UI-Texte können nicht gelesen werden: { $problem }
render-ui-language-missing = das Theme hat keine UI-Texte für die Sprache „{ $lang }“; es wird Englisch verwendet
render-ui-language-missing-hint = { $file } mit Übersetzungen aller Schlüssel aus der en.yaml des Themes anlegen
render-ui-strings-missing =
    { $count ->
        [one] { $count } UI-Text fehlt
       *[other] { $count } UI-Texte fehlen
    } in „{ $lang }“, daher erscheint Englisch für: { $keys }
render-ui-strings-missing-more =
    { $count ->
        [one] { $count } UI-Text fehlt
       *[other] { $count } UI-Texte fehlen
    } in „{ $lang }“, daher erscheint Englisch für: { $keys } und { $more } weitere
render-ui-strings-missing-hint = die fehlenden Schlüssel in { $file } ergänzen (das Theme „{ $theme }“ führt alle Schlüssel in seiner en.yaml auf)
render-ui-key-dot = { $file }: `{ $key }`: ein Schlüssel darf keinen Punkt enthalten
render-ui-plural-form = { $file }: `{ $key }`: jede Pluralform muss als `Kategorie: Text` geschrieben sein, z. B. `one: …`
render-ui-plural-category = { $file }: `{ $key }`: „{ $category }“ ist keine Pluralkategorie (zero, one, two, few, many oder other verwenden)
render-ui-plural-other = { $file }: `{ $key }`: die Pluralformen brauchen eine Form `other`
render-ui-value = { $file }: `{ $key }`: muss ein Text oder eine Gruppe von Pluralformen sein

# Der Ausgabeordner.
render-output-not-ours = in { $folder } wird nicht geschrieben: der Ordner enthält Dateien, die nicht von twinsite stammen
render-output-not-empty = in { $folder } wird nicht geschrieben: der Ordner ist nicht leer und wurde nicht von twinsite angelegt
render-output-refused-hint = mit --output einen leeren Ordner wählen oder diesen zuerst löschen; twinsite löscht nie Dateien, die es nicht selbst geschrieben hat
render-output-home = in { $folder } wird nicht geschrieben: das ist der persönliche Ordner (Home-Ordner)
render-output-root = in { $folder } wird nicht geschrieben: das ist die oberste Ebene des Dateisystems
render-output-protected-hint = mit --output einen leeren Ordner für die Website wählen, z. B. --output public
render-output-cannot-write = die Ausgabe in { $path } kann nicht geschrieben werden: { $problem }
render-output-none = kein Ausgabeordner angegeben
render-output-not-folder = gibt es schon und ist kein Ordner
render-output-unsafe-path = kein sicherer relativer Dateipfad innerhalb des Ausgabeordners
render-output-folder-in-way = hier steht ein Ordner
render-output-duplicate-path = der Build hat zwei Dateien mit diesem Pfad erzeugt; vielleicht ist ein Eintrag unter `aliases` die Adresse einer erzeugten Seite wie /map/ oder /calendar/
render-search-failed = der Suchindex konnte nicht erstellt werden: { $detail }
render-search-failed-hint = das ist ein Fehler in twinsite, bitte melden; bis dahin baut `search: false` in site.yaml die Website ohne Suche
