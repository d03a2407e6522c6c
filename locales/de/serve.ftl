# Was serve sagt: Probleme beim Start der Vorschau, und die Einblendung im Browser, wenn das
# Bauen fehlschlägt.

serve-cannot-listen = kann nicht auf { $address } lauschen: { $problem } (mit --port einen anderen Port wählen, oder --port 0 für irgendeinen freien)
serve-cannot-watch = kann den Ordner der Website nicht auf Änderungen beobachten: { $problem }
serve-cannot-start = kann den Webserver nicht starten: { $problem } (einige Programme schließen und nochmal versuchen)
serve-not-loopback = lausche auf { $address }, das ist keine lokale Adresse: andere Geräte im Netz können die Vorschau sehen
serve-no-browser = kann keinen Browser öffnen: { $problem }; bitte { $url } selbst öffnen
serve-watcher-problem = Dateibeobachtung: { $problem }; zur Sicherheit wird neu gebaut
serve-cannot-watch-folder = kann { $path } nicht beobachten: { $problem }
overlay-title = twinsite: Bauen fehlgeschlagen ({ $errors } { $errors ->
        [one] Fehler
       *[other] Fehler
    })
overlay-note = Darunter bleibt die letzte gute Fassung zu sehen. Datei korrigieren und speichern: diese Seite lädt sich von selbst neu.
overlay-page-title = twinsite: Bauen fehlgeschlagen
