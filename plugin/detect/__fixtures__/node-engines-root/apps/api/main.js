// the entry file package.json#main names (detection checks it exists)
