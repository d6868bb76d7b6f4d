'use strict';
// util.parseArgs: turns argv strings into tokens (options, positionals, the `--` terminator),
// then into `values` and `positionals`, checking usage in strict mode.

const {
  validateArray, validateBoolean, validateObject, validateString, validateUnion,
  validateStringArray, validateBooleanArray,
} = require('internal/validators');
const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_PARSE_ARGS_INVALID_OPTION_VALUE,
    ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL,
    ERR_PARSE_ARGS_UNKNOWN_OPTION,
  },
} = require('internal/errors');

const hasOwn = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);
const ownValue = (obj, key) => (hasOwn(obj, key) ? obj[key] : undefined);
// A property of the config of option `name`, only if both are own properties.
function optionProp(options, name, prop) {
  return hasOwn(options, name) ? ownValue(options[name], prop) : undefined;
}

function mainArgs() {
  const evalFlags = ['-e', '--eval', '-p', '--print'];
  if (process.execArgv.some((a) => evalFlags.includes(a) || /^--(eval|print)=/.test(a))) {
    return process.argv.slice(1);
  }
  return process.argv.slice(2);
}

function longNameOf(short, options) {
  for (const name of Object.keys(options)) {
    if (ownValue(options[name], 'short') === short) return name;
  }
  return short;
}

const isStringOption = (options, name) => optionProp(options, name, 'type') === 'string';

// `-abc` where `-a` does not take a value: several short options in one argument.
function isShortGroup(arg, options) {
  return arg.length > 2 && arg[0] === '-' && arg[1] !== '-' &&
    !isStringOption(options, longNameOf(arg[1], options));
}

// `-fVALUE` where `-f` takes a value.
function isShortWithValue(arg, options) {
  return arg.length > 2 && arg[0] === '-' && arg[1] !== '-' &&
    isStringOption(options, longNameOf(arg[1], options));
}

function tokenize(args, options) {
  const tokens = [];
  const rest = args.slice();
  let index = -1;
  let groupLeft = 0;
  while (rest.length > 0) {
    const arg = rest.shift();
    // Arguments expanded from one short group share the group's index.
    if (groupLeft > 0) groupLeft--;
    else index++;

    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const value of rest) tokens.push({ kind: 'positional', index: ++index, value });
      break;
    }
    const isLong = arg.length > 2 && arg.startsWith('--');
    if (arg.length === 2 && arg[0] === '-' && arg[1] !== '-') {
      const name = longNameOf(arg[1], options);
      let value;
      let inlineValue;
      if (isStringOption(options, name) && rest[0] != null) {
        value = rest.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value !== undefined) index++;
    } else if (isShortGroup(arg, options)) {
      const expanded = [];
      for (let i = 1; i < arg.length; i++) {
        const name = longNameOf(arg[i], options);
        if (!isStringOption(options, name) || i === arg.length - 1) {
          expanded.push(`-${arg[i]}`);
        } else {
          // A value-taking option inside the group takes the rest of the group as its value.
          expanded.push(`-${arg.slice(i)}`);
          break;
        }
      }
      rest.unshift(...expanded);
      groupLeft = expanded.length;
    } else if (isShortWithValue(arg, options)) {
      tokens.push({
        kind: 'option', name: longNameOf(arg[1], options), rawName: `-${arg[1]}`,
        index, value: arg.slice(2), inlineValue: true,
      });
    } else if (isLong && !arg.includes('=', 3)) {
      const name = arg.slice(2);
      let value;
      let inlineValue;
      if (isStringOption(options, name) && rest[0] != null) {
        value = rest.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value !== undefined) index++;
    } else if (isLong) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq);
      tokens.push({ kind: 'option', name, rawName: `--${name}`, index, value: arg.slice(eq + 1), inlineValue: true });
    } else {
      tokens.push({ kind: 'positional', index, value: arg });
    }
  }
  return tokens;
}

function checkUsage(config, token) {
  let name = token.name;
  if (!hasOwn(config.options, name)) {
    // `--no-foo` is known when negation is allowed and `foo` is a boolean option.
    const negated = config.allowNegative && name.startsWith('no-') ? name.slice(3) : undefined;
    if (negated === undefined || !hasOwn(config.options, negated) ||
        optionProp(config.options, negated, 'type') !== 'boolean') {
      throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, config.allowPositionals);
    }
    name = negated;
  }
  const short = optionProp(config.options, name, 'short');
  const label = `${short ? `-${short}, ` : ''}--${name}`;
  const type = optionProp(config.options, name, 'type');
  if (type === 'string' && typeof token.value !== 'string') {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${label} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value != null) {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${label}' does not take an argument`);
  }
}

// In strict mode `--foo --bar` is more likely a forgotten value than a value `--bar`.
function checkAmbiguousValue(token) {
  const v = token.value;
  if (token.inlineValue || v == null || !(v.length > 1 && v[0] === '-')) return;
  const example = token.rawName.startsWith('--') ? `'${token.rawName}=-XYZ'` :
    `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
  throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${token.rawName}' argument is ambiguous.\n` +
    `Did you forget to specify the option argument for '${token.rawName}'?\n` +
    `To specify an option argument starting with a dash use ${example}.`);
}

function store(token, options, values, allowNegative) {
  let name = token.name;
  let value = token.value;
  if (name === '__proto__') return;
  if (allowNegative && value === undefined && name.startsWith('no-')) {
    name = name.slice(3);
    token.name = name;
    value = false;
  }
  if (value === undefined) value = true;
  if (optionProp(options, name, 'multiple')) {
    if (values[name]) values[name].push(value);
    else values[name] = [value];
  } else {
    values[name] = value;
  }
}

function validateOptions(options) {
  for (const [name, config] of Object.entries(options)) {
    validateObject(config, `options.${name}`);
    const type = ownValue(config, 'type');
    validateUnion(type, `options.${name}.type`, ['string', 'boolean']);
    if (hasOwn(config, 'short')) {
      const short = config.short;
      validateString(short, `options.${name}.short`);
      if (short.length !== 1) {
        throw new ERR_INVALID_ARG_VALUE(`options.${name}.short`, short, 'must be a single character');
      }
    }
    const multiple = ownValue(config, 'multiple');
    if (hasOwn(config, 'multiple')) validateBoolean(multiple, `options.${name}.multiple`);
    const def = ownValue(config, 'default');
    if (def !== undefined) {
      const check = type === 'string' ?
        (multiple ? validateStringArray : validateString) :
        (multiple ? validateBooleanArray : validateBoolean);
      check(def, `options.${name}.default`);
    }
  }
}

function parseArgs(config = {}) {
  const args = ownValue(config, 'args') ?? mainArgs();
  const strict = ownValue(config, 'strict') ?? true;
  const allowPositionals = ownValue(config, 'allowPositionals') ?? !strict;
  const returnTokens = ownValue(config, 'tokens') ?? false;
  const allowNegative = ownValue(config, 'allowNegative') ?? false;
  const options = ownValue(config, 'options') ?? { __proto__: null };

  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');
  validateOptions(options);

  const tokens = tokenize(args, options);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) result.tokens = tokens;
  const usage = { options, allowPositionals, allowNegative };
  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict) {
        checkUsage(usage, token);
        checkAmbiguousValue(token);
      }
      store(token, options, result.values, allowNegative);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      result.positionals.push(token.value);
    }
  }
  for (const [name, optionConfig] of Object.entries(options)) {
    const def = ownValue(optionConfig, 'default');
    if (def !== undefined && result.values[name] === undefined && name !== '__proto__') {
      result.values[name] = def;
    }
  }
  return result;
}

module.exports = { parseArgs };
