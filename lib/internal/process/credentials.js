'use strict';
// process.getuid() ... process.initgroups(): the user and group ids of the process, as node has
// them on POSIX systems. A user or group given by name is looked up in the system's databases
// (getpwnam/getgrnam, so NSS sources count too); a number is used as it is.

const binding = internalBinding('process');
const { validateArray, validateUint32 } = require('internal/validators');
const { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_CREDENTIAL } = require('internal/errors').codes;

function validateId(id, name) {
  if (typeof id === 'number') {
    validateUint32(id, name);
  } else if (typeof id !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, ['number', 'string'], id);
  }
}

// A failed system call, reported as node does for these calls: `EPERM, Operation not permitted`
// with a positive errno.
function systemCallError(negativeErrno, syscall) {
  const errno = -negativeErrno;
  const code = binding.errname(errno);
  const err = new Error(`${code}, ${binding.osErrorMessage(errno)}`);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  return err;
}

const userId = (name) => binding.uidByName(name);
const groupId = (name) => binding.gidByName(name);

// process.setuid and its siblings: node's are anonymous functions of one argument.
function idSetter(type, lookup, syscall) {
  return function(id) {
    validateId(id, 'id');
    const value = typeof id === 'number' ? id >>> 0 : lookup(id);
    if (value === undefined) throw new ERR_UNKNOWN_CREDENTIAL(type, id);
    const result = binding[syscall](value);
    if (result < 0) throw systemCallError(result, syscall);
  };
}

function getuid() {
  return binding.getuid();
}

function geteuid() {
  return binding.geteuid();
}

function getgid() {
  return binding.getgid();
}

function getegid() {
  return binding.getegid();
}

// The supplementary groups, with the effective group id added when it is not among them.
function getgroups() {
  const groups = binding.getgroups();
  if (typeof groups === 'number') throw systemCallError(groups, 'getgroups');
  const egid = binding.getegid();
  if (!groups.includes(egid)) groups.push(egid);
  return groups;
}

function setgroups(groups) {
  validateArray(groups, 'groups');
  for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
  const ids = new Uint32Array(groups.length);
  for (let i = 0; i < groups.length; i++) {
    const gid = typeof groups[i] === 'number' ? groups[i] : groupId(groups[i]);
    if (gid === undefined) throw new ERR_UNKNOWN_CREDENTIAL('Group', groups[i]);
    ids[i] = gid;
  }
  const result = binding.setgroups(ids);
  if (result < 0) throw systemCallError(result, 'setgroups');
}

// The groups of `user` (a name, or a uid that must have one) plus `extraGroup`. The group is
// resolved first, as in node; a user name need not exist.
function initgroups(user, extraGroup) {
  validateId(user, 'user');
  validateId(extraGroup, 'extraGroup');
  const gid = typeof extraGroup === 'number' ? extraGroup : groupId(extraGroup);
  if (gid === undefined) throw new ERR_UNKNOWN_CREDENTIAL('Group', extraGroup);
  const userName = typeof user === 'number' ? binding.userNameByUid(user) : user;
  if (userName === undefined) throw new ERR_UNKNOWN_CREDENTIAL('User', user);
  const result = binding.initgroups(userName, gid);
  if (result < 0) throw systemCallError(result, 'initgroups');
}

function installCredentials(process) {
  process.getuid = getuid;
  process.geteuid = geteuid;
  process.getgid = getgid;
  process.getegid = getegid;
  process.getgroups = getgroups;
  process.setuid = idSetter('User', userId, 'setuid');
  process.seteuid = idSetter('User', userId, 'seteuid');
  process.setgid = idSetter('Group', groupId, 'setgid');
  process.setegid = idSetter('Group', groupId, 'setegid');
  process.setgroups = setgroups;
  process.initgroups = initgroups;
}

module.exports = { installCredentials };
