# Fotos: warum ein Bild nicht veröffentlicht werden kann, und was dagegen hilft.

photos-image-problem = das Bild { $image } { $problem }

# Jede dieser Meldungen folgt auf „das Bild foto.jpg …“ und beginnt darum mit einem Verb.
photos-not-an-image = ist kein Bild, das twinsite erkennt (keine JPEG-, PNG- oder WebP-Datei)
photos-not-an-image-holds = ist kein Bild: die Datei enthält { $contents }
photos-not-an-image-hint = ein Foto verwenden, das als JPEG (.jpg), PNG (.png) oder WebP (.webp) gespeichert ist; prüfen, ob der Dateiname auf das Bild zeigt und nicht auf eine andere Datei
photos-contents =
    { $what ->
        [empty] nichts (die Datei ist leer)
        [pdf] ein PDF
        [zip] ein ZIP-Archiv (oder ein Office-Dokument)
        [gzip] ein gzip-Archiv
        [video] ein Video
        [sound] Ton
        [svg] eine SVG-Zeichnung, kein Foto (in static/ ablegen und so verlinken, wie sie ist)
        [html] HTML (eine Webseite)
       *[text] Text
    }
photos-heic = ist ein HEIC-Foto (das Format des iPhones), das Browser nicht anzeigen können
photos-heic-hint = auf dem iPhone Einstellungen → Kamera → Formate → Maximale Kompatibilität wählen oder das Foto als JPEG exportieren (Fotos-App: Teilen → Optionen → Maximale Kompatibilität, oder in „Dateien“ sichern); am Computer das Foto öffnen und als JPEG speichern
photos-unsupported = ist { $format }; twinsite nimmt Fotos als JPEG, PNG oder WebP
photos-unsupported-hint = in einem Bildprogramm öffnen und als JPEG (für Fotos) oder PNG (für Logos und Zeichnungen) speichern
photos-format =
    { $format ->
        [gif] ein GIF-Bild
        [tiff] ein TIFF-Bild (oder Kamera-Rohdaten)
        [bmp] ein BMP-Bild
        [jpeg-xl] ein JPEG-XL-Bild
        [jpeg-2000] ein JPEG-2000-Bild
        [photoshop] eine Photoshop-Datei
        [ico] ein ICO-Bild (Symbol)
        [qoi] ein QOI-Bild
        [avif] ein AVIF-Bild
        [camera-raw] ein Kamera-Rohbild (CR3)
        [animated-webp] ein animiertes WebP-Bild
       *[other] ein Bild in einem anderen Format
    }
photos-too-many-pixels = ist { $width } × { $height } Pixel groß ({ $size }); twinsite nimmt höchstens { $max } Megapixel
photos-too-many-pixels-hint = in einem Bildprogramm verkleinern (zum Beispiel auf 4000 Pixel an der langen Seite) und neu speichern; das reicht fürs Web völlig
photos-megapixels = { $n } Megapixel
photos-megapixels-fraction = { $whole },{ $tenth } Megapixel
photos-damaged = ist abgeschnitten oder beschädigt
photos-damaged-detail = ist abgeschnitten oder beschädigt: { $detail }
photos-damaged-hint = die Datei wurde vielleicht nicht vollständig kopiert: noch einmal von der Kamera, vom Handy oder aus der E-Mail kopieren, oder in einem Bildprogramm öffnen und neu speichern

# Wo eine Datei beschädigt ist, nach „ist abgeschnitten oder beschädigt:“.
photos-ends-early =
    { $part ->
        [jpeg-header] der JPEG-Dateikopf endet zu früh
        [jpeg-data] die JPEG-Bilddaten enden zu früh
        [png-header] der PNG-Dateikopf endet zu früh
       *[webp-header] der WebP-Dateikopf endet zu früh
    }
photos-jpeg-no-marker = der JPEG-Dateikopf ist beschädigt (keine Markierung, wo eine hingehört)
photos-jpeg-no-picture = das JPEG enthält keine Bilddaten
photos-jpeg-bad-length = der JPEG-Dateikopf ist beschädigt (falsche Abschnittslänge)
photos-jpeg-no-size = der JPEG-Dateikopf nennt keine Bildgröße
photos-jpeg-no-frame = der JPEG-Dateikopf ist beschädigt (kein Frame-Header vor den Bilddaten)
photos-png-no-header-chunk = der PNG-Dateikopf ist beschädigt (kein IHDR-Block)
photos-png-impossible-size = der PNG-Dateikopf nennt eine unmögliche Bildgröße
photos-webp-no-size = der WebP-Dateikopf nennt keine Bildgröße
photos-webp-no-start-code = der WebP-Dateikopf ist beschädigt (kein VP8-Startcode)
photos-webp-unknown-chunk = der WebP-Dateikopf ist beschädigt (unbekannter erster Block)
photos-two-sizes = der Dateikopf des Bildes nennt zwei verschiedene Größen
photos-pixel-buffer = interner Pixelspeicher mit falscher Größe
photos-variant-unreadable = es nutzt eine Variante seines Formats, die nicht gelesen werden kann ({ $detail })
photos-webp-encoder-setup = der WebP-Encoder ließ sich nicht einrichten
photos-webp-encoder-failed = der WebP-Encoder ist gescheitert ({ $detail })
