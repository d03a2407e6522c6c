#!/usr/bin/env python3
"""Test photos for tests/photos.rs, made and inspected with Pillow (an independent reader).

  photos.py make DIR    writes the sample photos into DIR
  photos.py site ROOT   gives pages of a copy of the `large` fixture photos (tests/browser)
  photos.py check FILE… prints one JSON line per file: format, size, metadata found, and the
                        average colour of the top and bottom tenth
"""
import json
import random
import sys

from PIL import Image, ImageDraw, PngImagePlugin


def exif_with_secrets(orientation):
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x013B] = "Erika Mustermann"
    exif[0x8298] = "(c) Erika Mustermann"
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Model X"
    exif[0x0132] = "2026:05:16 14:03:00"
    exif[0x8825] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 0.0)}
    return exif


def make(d):
    rnd = random.Random(7)
    # Shown upright it is 1800 x 2400, red in its top quarter. Stored turned: the camera's
    # orientation 6 means "turn 90° clockwise to show", so the shown top is the stored left.
    w, h = 2400, 1800
    img = Image.new("RGB", (w, h), (30, 60, 200))
    ImageDraw.Draw(img).rectangle([0, 0, w // 4, h], fill=(220, 20, 20))
    px = img.load()
    for _ in range(20000):
        px[rnd.randrange(w), rnd.randrange(h)] = (rnd.randrange(256),) * 3
    img.save(f"{d}/rotated.jpg", quality=90, exif=exif_with_secrets(6))
    rgba = Image.new("RGBA", (800, 600), (0, 0, 0, 0))
    ImageDraw.Draw(rgba).rectangle([0, 0, 800, 150], fill=(220, 20, 20, 255))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Erika Mustermann")
    rgba.save(f"{d}/logo.png", pnginfo=info)
    small = Image.new("RGB", (640, 480), (220, 20, 20))
    small.save(f"{d}/static.jpg", quality=90, exif=exif_with_secrets(1))


def scene(w, h, seed, orientation=1):
    """A photo-like picture: sky, hills, a few bright shapes and grain."""
    rnd = random.Random(seed)
    img = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(img)
    for y in range(h):
        t = y / h
        d.line([(0, y), (w, y)], fill=(int(90 + 120 * t), int(150 + 60 * t), int(230 - 80 * t)))
    for i in range(3):
        top = int(h * (0.55 + 0.1 * i))
        d.polygon([(0, h), (0, top), (w // 3, top - h // 8), (w, top + h // 12), (w, h)],
                  fill=(40 + 30 * i, 110 + 20 * i, 50 + 10 * i))
    for _ in range(12):
        x, y, r = rnd.randrange(w), rnd.randrange(h), rnd.randrange(w // 40, w // 10)
        d.ellipse([x - r, y - r, x + r, y + r], fill=(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    px = img.load()
    for _ in range(w * h // 50):
        x, y = rnd.randrange(w), rnd.randrange(h)
        c = px[x, y]
        n = rnd.randrange(-30, 30)
        px[x, y] = tuple(max(0, min(255, v + n)) for v in c)
    if orientation == 6:
        img = img.transpose(Image.Transpose.ROTATE_90)  # stored turned; EXIF turns it back
    return img, exif_with_secrets(orientation)


def save(img_exif, path):
    img, exif = img_exif
    img.save(path, quality=88, exif=exif)


def add_keys(md, keys):
    with open(md, encoding="utf-8") as f:
        text = f.read()
    assert text.startswith("---\n"), md
    with open(md, "w", encoding="utf-8") as f:
        f.write("---\n" + keys + text[4:])


def site(root):
    c = f"{root}/content"
    save(scene(2000, 1333, 1), f"{c}/cities/kiew.jpg")
    add_keys(f"{c}/cities/kiew.md", 'image: { src: kiew.jpg, alt: "Hügel über dem Dnipro im Abendlicht", caption: "Blick über die Stadt beim Besuch der Delegation 2025", credit: "Olena Kowalenko" }\n')
    save(scene(2000, 1333, 2, orientation=6), f"{c}/cities/krakau.jpg")
    add_keys(f"{c}/cities/krakau.md", 'image: { src: krakau.jpg, alt: "Die Altstadt von Krakau" }\n')
    ev = f"{c}/events/2026"
    for i, (w, h) in enumerate([(2000, 1333), (1200, 1800), (2000, 1333), (700, 500), (1700, 1700)]):
        save(scene(w, h, 10 + i), f"{ev}/abend-{i}.jpg")
    add_keys(f"{ev}/partnerschaftsabend.md", 'image: { src: abend-0.jpg, alt: "Gäste an langen Tischen im Festsaal", credit: "Partnerschaftsverein" }\ngallery:\n' + "".join(
        f'  - {{ src: abend-{i}.jpg, alt: "Bild {i} vom Partnerschaftsabend", caption: "Szene {i}" }}\n' for i in range(1, 5)))
    import os
    os.makedirs(f"{root}/static/images", exist_ok=True)
    save(scene(1800, 1200, 20), f"{root}/static/images/chor.jpg")
    news = f"{c}/news/rueckblick-kulturwoche.md"
    add_keys(news, 'image: { src: /images/chor.jpg, alt: "Der Chor aus Brünn auf der Bühne" }\n')
    with open(news, "a", encoding="utf-8") as f:
        f.write('\n\n![Der Chor beim Abschlusskonzert](/images/chor.jpg "Der Chor beim Abschlusskonzert")\n\nMehr Text nach dem Bild.\n')


def check(files):
    for f in files:
        im = Image.open(f)
        found = sorted(k for k in im.info if k not in ("jfif", "jfif_version", "jfif_unit",
                                                       "jfif_density", "background", "duration",
                                                       "loop", "timestamp", "progressive",
                                                       "progression", "adobe", "adobe_transform"))
        rgb = im.convert("RGB")
        w, h = im.size
        top = rgb.crop((0, 0, w, max(1, h // 10))).resize((1, 1)).getpixel((0, 0))
        bottom = rgb.crop((0, h - max(1, h // 10), w, h)).resize((1, 1)).getpixel((0, 0))
        print(json.dumps({
            "file": f, "format": im.format, "width": w, "height": h, "mode": im.mode,
            "exif": len(im.getexif()), "info": found, "top": top, "bottom": bottom,
        }))


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2])
    elif sys.argv[1] == "site":
        site(sys.argv[2])
    else:
        check(sys.argv[2:])
