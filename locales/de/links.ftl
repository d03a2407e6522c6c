# links
