'use strict';
// util.types: brand checks that see through subclassing and Symbol.toStringTag.

const { getBuiltinClass, getPromiseState, getProxyDetails } = internalBinding('util');

const TypedArray = Object.getPrototypeOf(Uint8Array);
const typedArrayTagGetter = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;
const typedArrayLengthGetter = Object.getOwnPropertyDescriptor(TypedArray.prototype, 'length').get;
const setSizeGetter = Object.getOwnPropertyDescriptor(Set.prototype, 'size').get;
const mapSizeGetter = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get;
const dataViewBuffer = Object.getOwnPropertyDescriptor(DataView.prototype, 'buffer').get;

function brand(fn) {
  return (value) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
    try {
      fn(value);
      return true;
    } catch {
      return false;
    }
  };
}

const cls = (n) => (value) => getBuiltinClass(value) === n;

function typedArrayTag(value) {
  return typedArrayTagGetter.call(value);
}

const isTypedArray = (value) => typedArrayTagGetter.call(value) !== undefined;
const typedCheck = (name) => (value) => typedArrayTagGetter.call(value) === name;

const isAsyncFunction = (value) => typeof value === 'function' &&
  (Object.prototype.toString.call(value) === '[object AsyncFunction]' ||
   Object.prototype.toString.call(value) === '[object AsyncGeneratorFunction]');
const isGeneratorFunction = (value) => typeof value === 'function' &&
  (Object.prototype.toString.call(value) === '[object GeneratorFunction]' ||
   Object.prototype.toString.call(value) === '[object AsyncGeneratorFunction]');

const isNativeError = (value) => getBuiltinClass(value) === 15 && getProxyDetails(value) === undefined;

module.exports = {
  isExternal: () => false,
  isDate: cls(8),
  isArgumentsObject: cls(14),
  isBigIntObject: cls(16),
  isBooleanObject: cls(4),
  isNumberObject: cls(2),
  isStringObject: cls(3),
  isSymbolObject: (value) => value !== null && typeof value === 'object' &&
    brand((v) => Symbol.prototype.valueOf.call(v))(value),
  isBoxedPrimitive(value) {
    const c = getBuiltinClass(value);
    return c === 2 || c === 3 || c === 4 || c === 16 || module.exports.isSymbolObject(value);
  },
  isNativeError,
  isRegExp: cls(5),
  isAsyncFunction,
  isGeneratorFunction,
  isGeneratorObject: brand((v) => {
    if (Object.prototype.toString.call(v) !== '[object Generator]') throw new Error();
  }),
  isPromise: (value) => getPromiseState(value) !== undefined,
  isMap: cls(10),
  isSet: cls(9),
  isMapIterator: cls(12),
  isSetIterator: cls(13),
  isWeakMap: brand((v) => WeakMap.prototype.has.call(v, {})),
  isWeakSet: brand((v) => WeakSet.prototype.has.call(v, {})),
  isArrayBuffer: cls(6),
  isSharedArrayBuffer: cls(7),
  isAnyArrayBuffer: (value) => { const c = getBuiltinClass(value); return c === 6 || c === 7; },
  isDataView: brand((v) => dataViewBuffer.call(v)),
  isArrayBufferView: (value) => ArrayBuffer.isView(value),
  isTypedArray,
  isUint8Array: typedCheck('Uint8Array'),
  isUint8ClampedArray: typedCheck('Uint8ClampedArray'),
  isUint16Array: typedCheck('Uint16Array'),
  isUint32Array: typedCheck('Uint32Array'),
  isInt8Array: typedCheck('Int8Array'),
  isInt16Array: typedCheck('Int16Array'),
  isInt32Array: typedCheck('Int32Array'),
  isFloat32Array: typedCheck('Float32Array'),
  isFloat64Array: typedCheck('Float64Array'),
  isBigInt64Array: typedCheck('BigInt64Array'),
  isBigUint64Array: typedCheck('BigUint64Array'),
  isModuleNamespaceObject: (value) => value !== null && typeof value === 'object' &&
    Object.prototype.toString.call(value) === '[object Module]' &&
    Object.getPrototypeOf(value) === null && Object.isSealed(value),
  isProxy: (value) => getProxyDetails(value) !== undefined,
  isKeyObject: () => false,
  isCryptoKey: () => false,
  // Helpers for inspect (not part of util.types).
  typedArrayTag,
  typedArrayLength: (v) => typedArrayLengthGetter.call(v),
  setSize: (v) => setSizeGetter.call(v),
  mapSize: (v) => mapSizeGetter.call(v),
};
