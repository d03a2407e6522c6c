# Photos: why an image cannot be published, and what to do about it.

photos-image-problem = the image { $image } { $problem }

# Each of these follows "the image foto.jpg …", so it starts with a verb.
photos-not-an-image = is not an image twinsite recognises (not a JPEG, PNG or WebP file)
photos-not-an-image-holds = is not an image: the file holds { $contents }
photos-not-an-image-hint = use a photo saved as JPEG (.jpg), PNG (.png) or WebP (.webp); check that the file name points to the picture and not to another file
photos-contents =
    { $what ->
        [empty] nothing (the file is empty)
        [pdf] a PDF
        [zip] a ZIP archive (or an Office document)
        [gzip] a gzip archive
        [video] a video
        [sound] sound
        [svg] an SVG drawing, not a photo (put it in static/ and link it as it is)
        [html] HTML (a web page)
       *[text] text
    }
photos-heic = is a HEIC photo (the iPhone's format), which browsers cannot show
photos-heic-hint = on the iPhone, set Settings → Camera → Formats → Most Compatible, or export it as JPEG (Photos app: Share → Options → Most Compatible, or save it to Files); on a computer, open it and save it as JPEG
photos-unsupported = is { $format }; twinsite takes photos as JPEG, PNG or WebP
photos-unsupported-hint = open it in an image program and save it as JPEG (for photos) or PNG (for logos and drawings)
photos-format =
    { $format ->
        [gif] a GIF image
        [tiff] a TIFF (or camera raw) image
        [bmp] a BMP image
        [jpeg-xl] a JPEG XL image
        [jpeg-2000] a JPEG 2000 image
        [photoshop] a Photoshop image
        [ico] an ICO (icon) image
        [qoi] a QOI image
        [avif] an AVIF image
        [camera-raw] a camera raw (CR3) image
        [animated-webp] an animated WebP image
       *[other] an image in another format
    }
photos-too-many-pixels = is { $width } × { $height } pixels ({ $size }); twinsite takes at most { $max } megapixels
photos-too-many-pixels-hint = make it smaller in an image program (for example to 4000 pixels on the long side) and save it again; that is plenty for the web
photos-megapixels = { $n } megapixels
photos-megapixels-fraction = { $whole }.{ $tenth } megapixels
photos-damaged = is cut off or damaged
photos-damaged-detail = is cut off or damaged: { $detail }
photos-damaged-hint = the file may not have been copied completely: copy it again from the camera, phone or e-mail, or open it in an image program and save it again

# Where a file is damaged, after "is cut off or damaged:".
photos-ends-early =
    { $part ->
        [jpeg-header] the JPEG header ends early
        [jpeg-data] the JPEG data ends early
        [png-header] the PNG header ends early
       *[webp-header] the WebP header ends early
    }
photos-jpeg-no-marker = the JPEG header is damaged (no marker where one belongs)
photos-jpeg-no-picture = the JPEG holds no picture data
photos-jpeg-bad-length = the JPEG header is damaged (bad segment length)
photos-jpeg-no-size = the JPEG header gives no image size
photos-jpeg-no-frame = the JPEG header is damaged (no frame header before the data)
photos-png-no-header-chunk = the PNG header is damaged (no IHDR chunk)
photos-png-impossible-size = the PNG header gives an impossible image size
photos-webp-no-size = the WebP header gives no image size
photos-webp-no-start-code = the WebP header is damaged (no VP8 start code)
photos-webp-unknown-chunk = the WebP header is damaged (unknown first chunk)
photos-two-sizes = the image header gives two different sizes
photos-pixel-buffer = internal pixel buffer of the wrong size
photos-variant-unreadable = it uses a variant of its format that cannot be read ({ $detail })
photos-webp-encoder-setup = the WebP encoder could not be set up
photos-webp-encoder-failed = the WebP encoder failed ({ $detail })
