'use strict';
// No credential store: the project never logs in to Forge (see package.json's description).
const none = async () => null;
module.exports = {
  getPassword: none,
  setPassword: async () => undefined,
  deletePassword: async () => false,
  findPassword: none,
  findCredentials: async () => []
};
