'use strict';
// cluster: the primary process's view (isPrimary, no workers). Forking workers comes with the
// child-process issue: fork/disconnect throw ERR_NOT_IMPLEMENTED.

const EventEmitter = require('events');
const { stubFunction } = require('internal/not_implemented');

const cluster = new EventEmitter();
cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = stubFunction('Worker');
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = 1;
cluster.SCHED_RR = 2;
cluster.schedulingPolicy = cluster.SCHED_RR;
cluster.setupPrimary = function setupPrimary(settings = {}) {
  cluster.settings = { ...cluster.settings, ...settings };
};
cluster.setupMaster = cluster.setupPrimary;
cluster.fork = stubFunction('cluster.fork');
cluster.disconnect = stubFunction('cluster.disconnect');

module.exports = cluster;
