pub fn gen() {}
