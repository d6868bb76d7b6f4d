'use strict';
// Which names are built-in modules, shared by the CommonJS and ES module resolvers.
module.exports = {
  canBeRequiredByUsers(id) {
    return require('internal/modules/cjs').Module.isBuiltin(id) && !id.startsWith('node:');
  },
  canBeRequiredWithScheme(id) {
    return require('internal/modules/cjs').Module.isBuiltin(`node:${id}`);
  },
};
