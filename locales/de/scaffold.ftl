# Was init und new sagen, wenn sie eine Website oder Datei nicht anlegen können.

init-folder-not-empty = der Ordner ist nicht leer (er enthält { $name }); nichts wurde geschrieben
init-folder-not-empty-hint = einen neuen oder leeren Ordner wählen, z. B. `twinsite init meine-partnerschaften`
new-config-unusable = site.yaml ist nicht lesbar
new-title-empty = der Titel ist leer; nichts wurde geschrieben
new-title-empty-hint = den Titel in Anführungszeichen schreiben, z. B. `twinsite new news "Besuch aus Lyon"`
new-slug-too-long = die Adresse --slug { $slug } ist { $length } Zeichen lang; höchstens { $max } sind erlaubt
new-slug-too-long-hint = mit --slug einen kürzeren Namen wählen
new-slug-invalid = „{ $slug }“ kann nicht in einer Webadresse stehen
new-slug-invalid-hint = nur a-z, 0-9 und - verwenden
new-slug-try = zum Beispiel --slug { $slug }
new-no-slug = aus „{ $title }“ lässt sich keine Webadresse bilden
new-no-slug-hint = einen Namen in lateinischen Buchstaben für die Adresse angeben, z. B. `--slug yangzhou`
new-exists = { $path } gibt es schon; nichts wurde geschrieben
new-exists-hint = diese Datei bearbeiten oder mit --slug einen anderen Namen wählen
scaffold-cannot-write = kann nicht schreiben: { $problem }
