// the service's entry (package.json#main)
