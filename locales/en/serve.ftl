# What serve says: problems starting the preview, and the overlay shown in the browser when a
# build fails.

serve-cannot-listen = cannot listen on { $address }: { $problem } (choose another port with --port, or --port 0 for any free one)
serve-cannot-watch = cannot watch the site folder for changes: { $problem }
serve-cannot-start = cannot start the web server: { $problem } (close some programs and try again)
serve-not-loopback = listening on { $address }, which is not a loopback address: other machines on the network can see the preview
serve-no-browser = cannot open a browser: { $problem }; open { $url } yourself
serve-watcher-problem = file watcher: { $problem }; rebuilding to be safe
serve-cannot-watch-folder = cannot watch { $path }: { $problem }
overlay-title = twinsite: the build failed ({ $errors } { $errors ->
        [one] error
       *[other] errors
    })
overlay-note = The last good version stays served below. Fix the file and save: this page reloads by itself.
overlay-page-title = twinsite: build failed
