#!/usr/bin/env python3
"""Independent check of image files written by twinsite's photo module (tests/photos.rs).

Usage: check_photo.py IMAGE...

Prints one JSON object per file, one per line: format, size, mode, the number of EXIF tags
Pillow finds, the keys of Pillow's `info` (exif, icc_profile, xmp, dpi, PNG text chunks ...),
the PNG text chunks, and the average RGB colour of the top and bottom tenth of the picture.
Exits 2 when Pillow is missing, 1 when a file cannot be read.
"""

import json
import sys

try:
    from PIL import Image, ImageStat
except ImportError:
    sys.stderr.write(
        "error: the Python package Pillow is missing; install it with: "
        "python3 -m pip install 'pillow>=10,<14'\n"
    )
    sys.exit(2)


def band_mean(im, top):
    w, h = im.size
    band = max(1, h // 10)
    box = (0, 0, w, band) if top else (0, h - band, w, h)
    rgb = im.convert("RGB").crop(box)
    return [round(v, 1) for v in ImageStat.Stat(rgb).mean]


def check(path):
    with Image.open(path) as im:
        im.load()
        text = dict(getattr(im, "text", {}) or {})
        return {
            "path": path,
            "format": im.format,
            "size": list(im.size),
            "mode": im.mode,
            "exif_len": len(im.getexif()),
            "info_keys": sorted(str(k) for k in im.info.keys()),
            "text_keys": sorted(text.keys()),
            "top": band_mean(im, True),
            "bottom": band_mean(im, False),
        }


def main(paths):
    status = 0
    for path in paths:
        try:
            print(json.dumps(check(path)))
        except Exception as e:  # noqa: BLE001 - report any reader failure per file
            sys.stderr.write(f"error: {path}: {e}\n")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
