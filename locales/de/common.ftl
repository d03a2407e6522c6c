# Wörter, die alle Meldungen teilen: die Stufe eines Problems, wie sie davor steht.

level-error = Fehler
level-warning = Warnung
level-hint = Hinweis

# Was bei einer Datei oder im Netz schiefging, nach „kann … nicht lesen:“ und ähnlichem.
io-not-found = nicht gefunden
io-permission-denied = keine Berechtigung
io-already-exists = existiert bereits
io-storage-full = der Datenträger ist voll
io-read-only = der Datenträger ist schreibgeschützt
io-is-a-folder = das ist ein Ordner, keine Datei
io-not-a-folder = das ist eine Datei, kein Ordner
io-invalid-data = der Inhalt ist beschädigt oder kein Text
io-unexpected-end = die Datei endet zu früh
io-address-in-use = die Adresse wird schon von einem anderen Programm benutzt
