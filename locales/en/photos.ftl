# photos
