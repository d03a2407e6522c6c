# Words shared by every message: the level of a problem as printed before it.

level-error = error
level-warning = warning
level-hint = hint

# What went wrong with a file or the network, after "cannot read …:" and the like.
io-not-found = not found
io-permission-denied = permission denied
io-already-exists = it already exists
io-storage-full = the disk is full
io-read-only = the disk is read-only
io-is-a-folder = it is a folder, not a file
io-not-a-folder = it is a file, not a folder
io-invalid-data = the content is damaged or not text
io-unexpected-end = the file ended too early
io-address-in-use = the address is already in use by another program
