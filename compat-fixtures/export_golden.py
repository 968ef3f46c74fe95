#!/usr/bin/env python3
"""Writes a tfops-golden/1 fixture set for BiasAddGrad (see ../../shared/DESIGN.md, docs/parity.md).

    python3 export_golden.py --backend tensorflow --out DIR   # expectations from the user's TensorFlow
    python3 export_golden.py --backend numpy --out DIR        # the same cases from a numpy model

Everything except the single TensorFlow call is shared between the two backends: the case plan,
the seeded inputs, the storage conventions (bfloat16 as uint16 bit patterns, quantized dtypes as
their storage integers), the tolerances, the error texts and the manifest writer. Only numpy is
imported at module level; tensorflow is imported inside TensorFlowBackend alone.

The numpy model follows TfOps's documented semantics (wide sums rounded once). Where TfOps
deliberately sums more accurately than TensorFlow's CPU kernel (float16 NCHW), the numpy backend
also writes "-tfmodel" twins: the same input, TensorFlow's arithmetic as modelled here
(model_bias_add_grad(..., arithmetic=TENSORFLOW)) and a TensorFlow export's tolerance.
"""

import argparse
import json
import os
import shutil
import sys
import zlib

import numpy as np

FORMAT = "tfops-golden/1"
OP = "BiasAddGrad"

# TensorFlow's DType.name -> (numpy storage dtype, family). Families: "float" (IEEE types numpy
# has), "bfloat16" (uint16 bit patterns), "complex", "int" (plain integers), "quantized".
DTYPES = {
    "float16": ("<f2", "float"),
    "bfloat16": ("<u2", "bfloat16"),
    "float32": ("<f4", "float"),
    "float64": ("<f8", "float"),
    "complex64": ("<c8", "complex"),
    "complex128": ("<c16", "complex"),
    "int8": ("|i1", "int"),
    "int16": ("<i2", "int"),
    "int32": ("<i4", "int"),
    "int64": ("<i8", "int"),
    "uint8": ("|u1", "int"),
    "uint16": ("<u2", "int"),
    "uint32": ("<u4", "int"),
    "uint64": ("<u8", "int"),
    "qint8": ("|i1", "quantized"),
    "quint8": ("|u1", "quantized"),
    "qint16": ("<i2", "quantized"),
    "quint16": ("<u2", "quantized"),
    "qint32": ("<i4", "quantized"),
}

# The op's type list with TensorFlow's C++ names, in the OpDef's order (TensorFlow's error text).
ALLOWED_CPP_NAMES = ("float, double, int32, uint8, int16, int8, complex64, int64, qint8, quint8, "
                     "qint32, bfloat16, qint16, quint16, uint16, complex128, half, uint32, uint64")

TF_CODE_NAMES = ("OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
                 "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
                 "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL",
                 "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED")

# eps of the types a sum is accumulated in, and half an ulp (relative) of the output types.
EPS = {"float16": 2.0 ** -10, "bfloat16": 2.0 ** -7, "float32": 2.0 ** -23, "float64": 2.0 ** -52}
HALF_ULP = {"float16": 2.0 ** -11, "bfloat16": 2.0 ** -8, "float32": 2.0 ** -24,
            "float64": 2.0 ** -53, "complex64": 2.0 ** -24, "complex128": 2.0 ** -53}

# TensorFlow's own test shapes (bias_op_base.py), a rank-6 shape, and the empty shapes.
TF_TEST_SHAPES = [(3, 2), (1, 3, 2), (2, 3, 4, 2), (64, 2, 2, 2), (2, 2, 2, 64), (4, 1, 1, 32),
                  (1, 2, 3, 4, 2), (2, 1, 3, 1, 2, 3)]
EMPTY_SHAPES = [(0, 0), (2, 0), (0, 2), (4, 3, 0), (4, 0, 3), (0, 4, 3)]
# Extents around vector widths (1 lane .. 512-bit of bytes): C for NHWC, the inner extent for NCHW.
BOUNDARY_EXTENTS = [1, 3, 7, 8, 9, 15, 16, 17, 33, 65]
# A few larger shapes, so that blocked and vectorized paths run more than one block.
LARGE_SHAPES = {"NHWC": (129, 33), "NCHW": (2, 17, 129)}
# Signed zeros: a single row (TensorFlow copies it: -0.0 stays -0.0) and several rows (every sum
# starts from +0.0, so zeros sum to +0.0). NCHW's single row is N * H * W == 1.
SIGNED_ZERO_SHAPES = {"NHWC": [(1, 6), (3, 6)], "NCHW": [(1, 6, 1, 1), (2, 6, 2)]}

# Who the expectation models: "tfops" is the numpy model of the intended semantics (TfOps's
# arithmetic: wide sums rounded once); "tensorflow" is TensorFlow's CPU kernel's arithmetic where
# it differs from that on purpose (float16 NCHW: each contiguous H*W run summed in float16).
TFOPS, TENSORFLOW = "tfops", "tensorflow"

# Eigen's inner-most sum reducer at TensorFlow's pinned Eigen, for half (TensorReduction.h,
# InnerMostDimReducer): a tree that splits runs longer than LeafSize<half>() = 200 packets at a
# packet boundary, leaves summed with 4 packet accumulators, then 1, then a scalar tail, and the
# packet folded in float32 (predux<Packet8h>). Packet8h is 8 halves: the -mavx build of TensorFlow's
# release wheels.
EIGEN_HALF_PACKET = 8
EIGEN_HALF_LEAF_PACKETS = 200


class OpFailure(Exception):
    """An error the op reports: TensorFlow's code name and its core message."""

    def __init__(self, code, message):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


def core_message(message):
    """TensorFlow's message without its decorations (DESIGN.md): no leading {{function_node ...}},
    nothing from the first newline on, no trailing ' [Op:...]'."""
    text = message.strip()
    if text.startswith("{{function_node"):
        end = text.find("}}")
        text = text[end + 2:].lstrip() if end >= 0 else text
    text = text.split("\n", 1)[0].rstrip()
    marker = text.rfind(" [Op:")
    if marker >= 0 and text.endswith("]"):
        text = text[:marker]
    return text.rstrip()


def shape_text(shape):
    return "[" + ",".join(str(d) for d in shape) + "]"


def shape_id(shape):
    return "x".join(str(d) for d in shape) if shape else "scalar"


def channel_axis(rank, data_format):
    # NCHW's channel is axis 1 at every rank (TensorFlow's CPU kernel), so rank-2 NCHW is column sums.
    return rank - 1 if data_format == "NHWC" else 1


# ---------------------------------------------------------------- bfloat16 through bit patterns


def bfloat16_bits_from_float32(values):
    """Round-to-nearest-even float32 -> bfloat16 bit patterns (NaN stays a quiet NaN)."""
    bits = np.ascontiguousarray(values, dtype=np.float32).view(np.uint32).astype(np.uint64)
    rounded = ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype(np.uint16)
    nan = np.isnan(np.asarray(values, dtype=np.float32))
    quiet = ((bits >> 16) | 0x0040).astype(np.uint16)
    return np.where(nan, quiet, rounded).astype("<u2")


def float32_from_bfloat16_bits(bits):
    return (np.asarray(bits, dtype=np.uint32) << 16).view(np.float32)


# ---------------------------------------------------------------- case plan


class Case:
    def __init__(self, dtype, data_format, shape, values, suffix="", arithmetic=None, twin=None):
        self.dtype = dtype
        self.data_format = data_format
        self.shape = tuple(shape)
        self.values = values  # random | whole | nonfinite | signedzero | wrap | empty | error
        name = shape_id(self.shape) if len(self.shape) >= 2 else f"rank{len(self.shape)}"
        self.id = f"{dtype}/{data_format}/{name}{suffix}"
        # None: the backend's own arithmetic. TENSORFLOW on a numpy export: the expectation models
        # TensorFlow's arithmetic for the same input as `twin` (the case it shares its input with).
        self.arithmetic = arithmetic
        self.twin = twin
        self.seed = twin.seed if twin else zlib.crc32(self.id.encode("utf-8"))


def plan_cases():
    cases = []
    for dtype in DTYPES:
        family = DTYPES[dtype][1]
        for data_format in ("NHWC", "NCHW"):
            shaped = list(TF_TEST_SHAPES)
            for extent in BOUNDARY_EXTENTS:
                shaped.append((5, extent) if data_format == "NHWC" else (2, 3, extent))
            shaped.append(LARGE_SHAPES[data_format])
            valued = []
            for index, shape in enumerate(shaped):
                # Half of the cases hold small whole numbers: exact in any summation order, so
                # their tolerance is 0 and a dropped or doubled element cannot hide.
                valued.append(Case(dtype, data_format, shape, "whole" if index % 2 == 0 else "random"))
            cases += valued
            if (dtype, data_format) == ("float16", "NCHW"):
                # The same inputs with TensorFlow's float16 NCHW arithmetic as the expectation and a
                # TensorFlow export's tolerance: TfOps must pass what TensorFlow would write.
                cases += [Case(dtype, data_format, c.shape, c.values, "-tfmodel", TENSORFLOW, c) for c in valued]
            for shape in EMPTY_SHAPES:
                cases.append(Case(dtype, data_format, shape, "empty"))
            if family in ("float", "bfloat16", "complex"):
                cases.append(Case(dtype, data_format, (4, 6) if data_format == "NHWC" else (2, 6, 2),
                                  "nonfinite", "-nonfinite"))
                for shape in SIGNED_ZERO_SHAPES[data_format]:
                    cases.append(Case(dtype, data_format, shape, "signedzero", "-signedzero"))
            else:
                cases.append(Case(dtype, data_format, (5, 3) if data_format == "NHWC" else (3, 3, 2),
                                  "wrap", "-wrap"))
    for data_format in ("NHWC", "NCHW"):
        cases.append(Case("float32", data_format, (), "error"))
        cases.append(Case("float32", data_format, (5,), "error"))
    cases.append(Case("float32", "NCDHW", (2, 3, 4, 2), "error"))
    cases.append(Case("float32", "NCDHW", (5,), "error"))  # data_format is checked before rank
    cases.append(Case("bool", "NHWC", (3, 2), "error"))
    cases.append(Case("bool", "NCDHW", (3, 2), "error"))  # T is checked before data_format
    return cases


# ---------------------------------------------------------------- inputs


def make_input(case):
    """The case's input in its storage dtype, from Generator(PCG64(seed))."""
    rng = np.random.Generator(np.random.PCG64(case.seed))
    shape = case.shape
    if case.dtype == "bool":
        return rng.integers(0, 2, size=shape).astype("|b1")
    storage, family = DTYPES[case.dtype]
    if family in ("int", "quantized"):
        info = np.iinfo(np.dtype(storage))
        if case.values == "wrap":
            # Every element near the top of the range: every channel's sum wraps around.
            return np.full(shape, info.max - 1, dtype=storage)
        if case.values == "random":
            return rng.integers(info.min, info.max, size=shape, endpoint=True,
                                dtype=np.dtype(storage).type).astype(storage)
        low = 0 if info.min == 0 else -8
        return rng.integers(low, low + 17, size=shape).astype(storage)
    if case.values == "nonfinite":
        values = _nonfinite_pattern(shape, case.data_format, rng)
        if family == "complex":
            # Assigned per component: real + 1j * imag would turn 0 * Inf into NaN.
            imag = _nonfinite_pattern(shape, case.data_format, rng)[..., ::-1]
            values = _complex(values, imag)
    elif case.values == "signedzero":
        values = _signed_zero_pattern(shape, case.data_format)
        if family == "complex":
            # The imaginary parts take the channels' patterns in reverse order, so each component's
            # zero sign is pinned separately (1j * -0.0 would also lose the sign: assigned per component).
            values = _complex(values, np.flip(values, axis=channel_axis(len(shape), case.data_format)))
    elif case.values in ("whole", "empty", "error"):
        values = rng.integers(-8, 9, size=shape).astype(np.float64)
        if family == "complex":
            values = _complex(values, rng.integers(-8, 9, size=shape).astype(np.float64))
    else:
        values = rng.uniform(-1.0, 1.0, size=shape)
        if family == "complex":
            values = _complex(values, rng.uniform(-1.0, 1.0, size=shape))
    if family == "bfloat16":
        return bfloat16_bits_from_float32(np.asarray(values, dtype=np.float32))
    return np.asarray(values).astype(storage)


def _complex(real, imag):
    values = np.empty(real.shape, dtype=np.complex128)
    values.real, values.imag = real, imag
    return values


def _nonfinite_pattern(shape, data_format, rng):
    """Whole numbers with, per channel: NaN; +Inf; -Inf; +Inf and -Inf (NaN); -0.0 only; finite."""
    values = rng.integers(-8, 9, size=shape).astype(np.float64)
    axis = channel_axis(len(shape), data_format)
    moved = np.moveaxis(values, axis, 0)  # a view: writes land in `values`
    moved[0].flat[0] = np.nan
    moved[1].flat[0] = np.inf
    moved[2].flat[-1] = -np.inf
    moved[3].flat[0] = np.inf
    moved[3].flat[-1] = -np.inf
    moved[4][...] = -0.0
    return values


def _signed_zero_pattern(shape, data_format):
    """Per channel (6 channels). One term: -0.0, +0.0, -0.0, 2, -0.0, -3. More terms: all -0.0;
    all +0.0; -0.0 and +0.0 alternating; 1.5, -1.5, then -0.0; -0.0 then -2 last; +0.0 first then
    -0.0. Every sum is exact in every floating type, so these cases are exact in any export."""
    axis = channel_axis(len(shape), data_format)
    channels = shape[axis]
    terms = int(np.prod(shape)) // channels
    table = np.full((channels, terms), -0.0)
    if terms == 1:
        table[:, 0] = [-0.0, 0.0, -0.0, 2.0, -0.0, -3.0]
    else:
        table[1] = 0.0
        table[2, 1::2] = 0.0
        table[3, :2] = 1.5, -1.5
        table[4, -1] = -2.0
        table[5, 0] = 0.0
    moved_shape = (channels,) + tuple(d for i, d in enumerate(shape) if i != axis)
    return np.moveaxis(table.reshape(moved_shape), 0, axis).copy()


# ---------------------------------------------------------------- the numpy model


def validate(dtype, data_format, shape):
    """TensorFlow's checks, in its order (reference/tf-biasaddgrad.md)."""
    if dtype not in DTYPES:
        raise OpFailure("INVALID_ARGUMENT",
                        f"Value for attr 'T' of {dtype} is not in the list of allowed values: {ALLOWED_CPP_NAMES}")
    if data_format not in ("NHWC", "NCHW"):
        raise OpFailure("INVALID_ARGUMENT",
                        f"Value for attr 'data_format' of \"{data_format}\" is not in the list of allowed values: \"NHWC\", \"NCHW\"")
    if len(shape) < 2:
        raise OpFailure("INVALID_ARGUMENT", f"Input tensor must be at least 2D: {shape_text(shape)}")


def model_bias_add_grad(dtype, data_format, x, arithmetic=TFOPS):
    """The intended semantics in numpy, returned in the storage dtype. A single row (NHWC [1, C];
    NCHW with N * H * W == 1) is copied bit for bit, as TensorFlow's kernel copies it. Otherwise
    floating sums start from +0.0 like Eigen's reducer and are taken in float64 (numpy's reduce)
    and rounded to the output type (bfloat16 through float32, which can round twice at a tie: the
    tolerance covers it); integers wrap; complex per component. With arithmetic=TENSORFLOW, float16 NCHW follows
    TensorFlow's CPU kernel instead: each contiguous H*W run is summed in float16
    (tensorflow_half_nchw); every other dtype and format keeps the model above."""
    validate(dtype, data_format, x.shape)
    storage, family = DTYPES[dtype]
    axis = channel_axis(x.ndim, data_format)
    if single_row(x.shape, data_format):
        return np.array(x, dtype=storage, copy=True).reshape(x.shape[axis])
    if arithmetic == TENSORFLOW and dtype == "float16" and data_format == "NCHW" and x.size:
        return tensorflow_half_nchw(x)
    axes = tuple(a for a in range(x.ndim) if a != axis)
    if family in ("int", "quantized"):
        wide = np.uint64 if np.dtype(storage).kind == "u" else np.int64
        with np.errstate(over="ignore"):
            return np.add.reduce(x.astype(wide), axis=axes, dtype=wide).astype(storage)
    if family == "bfloat16":
        sums = _sum64(float32_from_bfloat16_bits(x), axes)
        return bfloat16_bits_from_float32(sums.astype(np.float32))
    if family == "complex":
        real = _sum64(x.real, axes).astype(np.float32 if dtype == "complex64" else np.float64)
        imag = _sum64(x.imag, axes).astype(real.dtype)
        out = np.empty(real.shape, dtype=storage)
        out.real, out.imag = real, imag
        return out
    return _sum64(x, axes).astype(storage)


def single_row(shape, data_format):
    """TensorFlow's copy case (redux_functor.h): NHWC with one row; NCHW with N * H * W... == 1."""
    axis = channel_axis(len(shape), data_format)
    return int(np.prod(shape[:axis])) * int(np.prod(shape[axis + 1:])) == 1


def _sum64(values, axes):
    # Whether numpy's reduce of all -0.0 gives -0.0 depends on its version and loop; 0.0 + ... gives
    # +0.0 in every version, as TensorFlow's Eigen sum reducer (which starts from +0.0) does.
    with np.errstate(invalid="ignore", over="ignore"):
        return np.add.reduce(np.asarray(values, dtype=np.float64), axis=axes) + 0.0


def tensorflow_half_nchw(x):
    """TensorFlow's CPU kernel on float16 NCHW, one intra-op thread (redux_functor.h,
    ReduceMiddleDimensions): the input viewed as [N, C, I]; each run of I elements reduced by Eigen
    in float16, cast to float32 and added to its channel's float32 sum (from +0.0, in order n = 0,
    1, ...); the sums rounded to float16. numpy's float16 add rounds float32(a) + float32(b) to
    float16, exactly as Eigen's half does."""
    n, c = x.shape[0], x.shape[1]
    runs = np.ascontiguousarray(x, dtype=np.float16).reshape(n * c, -1)
    run_sums = eigen_half_sum(runs).astype(np.float32).reshape(n, c)
    sums = np.zeros(c, dtype=np.float32)
    with np.errstate(invalid="ignore", over="ignore"):
        for row in run_sums:
            sums = sums + row
        return sums.astype(np.float16)


def eigen_half_sum(runs, first=0, count=None):
    """Eigen's InnerMostDimReducer<..., vectorized, tree> over each row of `runs` (float16), in float16."""
    count = runs.shape[1] - first if count is None else count
    packet = EIGEN_HALF_PACKET
    with np.errstate(invalid="ignore", over="ignore"):
        if count > packet * EIGEN_HALF_LEAF_PACKETS:
            split = packet * -(-(first + -(-count // 2)) // packet)  # the middle, rounded up to a packet boundary
            left = min(split - first, count)
            total = np.zeros(runs.shape[0], np.float16) + eigen_half_sum(runs, first, left)
            if left < count:
                total = total + eigen_half_sum(runs, split, count - left)
            return total
        return _eigen_half_leaf(runs[:, first:first + count])


def _eigen_half_leaf(x):
    rows, count = x.shape
    packet = EIGEN_HALF_PACKET
    acc = [np.zeros((rows, packet), np.float16) for _ in range(4)]
    start = 0
    if count >= 4 * packet:
        start = count // (4 * packet) * (4 * packet)
        for j in range(0, start, 4 * packet):
            for k in range(4):
                acc[k] = acc[k] + x[:, j + k * packet:j + (k + 1) * packet]
        for k in range(1, 4):
            acc[0] = acc[0] + acc[k]
    if start <= count - packet:
        for j in range(start, count // packet * packet, packet):
            acc[0] = acc[0] + x[:, j:j + packet]
        start = count // packet * packet
    tail = np.zeros(rows, np.float16)
    for j in range(start, count):
        tail = tail + x[:, j]
    # predux<Packet8h>: the lanes widened to float32, folded by halves (lane i + lane i + width),
    # rounded to float16 once; then added to the scalar tail in float16.
    lanes = acc[0].astype(np.float32)
    while lanes.shape[1] > 1:
        width = lanes.shape[1] // 2
        lanes = lanes[:, :width] + lanes[:, width:2 * width]
    return tail + lanes[:, 0].astype(np.float16)


class NumpyBackend:
    name = "numpy"
    arithmetic = TFOPS

    def __init__(self):
        self.version = np.__version__

    def compute(self, dtype, data_format, x, arithmetic=None):
        return model_bias_add_grad(dtype, data_format, x, arithmetic or self.arithmetic)


class TensorFlowBackend:
    """Runs tf.raw_ops.BiasAddGrad eagerly in the user's TensorFlow: the only TensorFlow call."""

    name = "tensorflow"
    arithmetic = TENSORFLOW

    def __init__(self):
        import tensorflow as tf  # pylint: disable=import-outside-toplevel

        tf.config.threading.set_intra_op_parallelism_threads(1)
        tf.config.threading.set_inter_op_parallelism_threads(1)
        tf.random.set_seed(0)
        self.tf = tf
        self.version = tf.__version__

    def compute(self, dtype, data_format, x, arithmetic=None):  # pylint: disable=unused-argument
        tf = self.tf
        try:
            tensor = self._to_tensor(dtype, x)
            out = tf.raw_ops.BiasAddGrad(out_backprop=tensor, data_format=data_format)
            if dtype == "bfloat16":
                return tf.bitcast(out, tf.uint16).numpy().astype("<u2")
            if DTYPES[dtype][1] == "quantized":
                return tf.bitcast(out, tf.as_dtype(np.dtype(DTYPES[dtype][0]))).numpy().astype(DTYPES[dtype][0])
            return np.asarray(out.numpy()).astype(DTYPES[dtype][0])
        except tf.errors.OpError as error:
            code = TF_CODE_NAMES[error.error_code] if 0 <= error.error_code < len(TF_CODE_NAMES) else str(error.error_code)
            raise OpFailure(code, core_message(error.message)) from None
        except (TypeError, ValueError) as error:
            # Python-side argument checks; recorded as TensorFlow's Python API maps them.
            raise OpFailure("INVALID_ARGUMENT", core_message(str(error))) from None

    def _to_tensor(self, dtype, x):
        tf = self.tf
        if dtype == "bfloat16":
            return tf.bitcast(tf.constant(x.astype(np.uint16)), tf.bfloat16)
        if dtype in DTYPES and DTYPES[dtype][1] == "quantized":
            return tf.bitcast(tf.constant(x), tf.as_dtype(dtype))
        return tf.constant(x)


# ---------------------------------------------------------------- tolerances


def accumulator(dtype, data_format, arithmetic):
    """The type whose eps bounds the reference's rounding: the accumulator of the arithmetic that
    produced the expectation, never TfOps's. TensorFlow's CPU kernel sums in the storage type in two
    places: bfloat16 (every partial sum, both formats) and float16 NCHW (each H*W run)."""
    if arithmetic == TENSORFLOW and (dtype == "bfloat16" or (dtype, data_format) == ("float16", "NCHW")):
        return dtype
    return {"float16": "float32", "bfloat16": "float32", "float32": "float32", "float64": "float64",
            "complex64": "float32", "complex128": "float64"}[dtype]


def tolerance(case, x, backend):
    """rtol = half an ulp of the output type; atol = n * eps(accumulator) * max over channels of
    sum|x| (n = terms per channel), over finite values. Whole-number and non-finite cases are exact,
    except where the reference accumulates in the storage type (TensorFlow's bfloat16 and float16
    NCHW), whose whole-number sums are not exact; signed-zero cases are exact in every type."""
    family = DTYPES[case.dtype][1]
    if family in ("int", "quantized"):
        return None
    acc = accumulator(case.dtype, case.data_format, case.arithmetic or backend.arithmetic)
    # A 16-bit accumulator cannot hold the whole-number sums exactly (2048 + 1 rounds in float16).
    narrow = acc in ("float16", "bfloat16")
    exact = case.values in ("whole", "nonfinite", "empty")
    if case.values == "signedzero" or (exact and not narrow):
        return {"rtol": 0.0, "atol": 0.0}
    if family == "bfloat16":
        values = [float32_from_bfloat16_bits(x).astype(np.float64)]
    elif family == "complex":
        values = [x.real.astype(np.float64), x.imag.astype(np.float64)]
    else:
        values = [x.astype(np.float64)]
    axis = channel_axis(x.ndim, case.data_format)
    channels = x.shape[axis]
    terms = x.size // channels if channels else 0
    largest = 0.0
    for part in values:
        finite = np.where(np.isfinite(part), np.abs(part), 0.0)
        sums = np.moveaxis(finite, axis, 0).reshape(channels, -1).sum(axis=1) if x.size else np.zeros(0)
        largest = max(largest, float(sums.max()) if sums.size else 0.0)
    atol = terms * EPS[acc] * largest
    if case.values == "nonfinite":
        # Non-finite cases stay exact for a wide reference; a storage-type reference rounds its
        # partial sums, so its export keeps the widened atol computed over the finite values.
        return {"rtol": 0.0, "atol": atol}
    return {"rtol": HALF_ULP[case.dtype], "atol": atol}


# ---------------------------------------------------------------- writing


def save_npy(path, array):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as stream:
        np.save(stream, np.array(array, order="C", copy=True), allow_pickle=False)  # keeps rank 0


def case_notes(case, backend_name, version):
    family = DTYPES.get(case.dtype, (None, None))[1]
    if family == "quantized":
        return ("TensorFlow has no BiasAddGrad kernel for quantized dtypes (NOT_FOUND); TfOps computes "
                "the wrap-around sum of the stored integers")
    if case.data_format == "NCHW" and len(case.shape) == 2 and case.values != "error":
        return ("rank-2 NCHW: column sums, as TensorFlow's eager CPU kernel computes them; its graph "
                "shape function rejects rank 2 and its GPU kernel aborts")
    if family == "bfloat16" and backend_name == "numpy":
        return "bfloat16 summed in float64 and rounded once (TfOps's choice; TensorFlow's CPU kernel sums in bfloat16)"
    if (case.dtype, case.data_format) == ("float16", "NCHW") and backend_name == "numpy" and case.values != "signedzero" \
            and not single_row(case.shape, case.data_format) and int(np.prod(case.shape[2:])) > 1:
        return ("float16 NCHW summed in float64 and rounded once (TfOps's choice; TensorFlow's CPU kernel sums "
                "each H*W run in float16 first: see the -tfmodel cases)")
    return None


TFMODEL_NOTE = ("expected: a numpy model of TensorFlow's CPU arithmetic for float16 NCHW (each H*W run summed in "
                "float16 by Eigen's reducer, then float32 over N), not a TensorFlow run; the same input as the case "
                "without -tfmodel; tolerance as a TensorFlow export writes it. TfOps sums in float32 (a deliberate "
                "difference)")


def export(out_dir, backend):
    cases_dir = os.path.join(out_dir, "cases")
    if os.path.isdir(cases_dir):
        shutil.rmtree(cases_dir)
    entries = []
    for case in plan_cases():
        if case.arithmetic is not None and case.arithmetic == backend.arithmetic:
            continue  # a twin whose arithmetic is already the backend's own: nothing to add
        x = make_input(case)
        rel_input = f"cases/{(case.twin or case).id}/input.npy"
        if case.twin is None:
            save_npy(os.path.join(out_dir, rel_input), x)
        entry = {"id": case.id, "op": OP, "dtype": case.dtype, "data_format": case.data_format,
                 "shape": list(case.shape), "seed": case.seed, "values": case.values, "input": rel_input}
        try:
            result = backend.compute(case.dtype, case.data_format, x, case.arithmetic)
            source = None
            if case.twin is not None:
                source = "numpy-tf-model"
                entry["note"] = TFMODEL_NOTE
        except OpFailure as failure:
            if no_kernel(case, failure):
                # TensorFlow has no kernel (quantized dtypes; uint32/uint64 before about 2.5): the case
                # holds TfOps's documented meaning, graded, never an expected failure.
                result = model_bias_add_grad(case.dtype, case.data_format, x)
                source = "numpy-reference"
                entry["note"] = f"TensorFlow {backend.version} has no kernel: {failure.code} {failure.message}"
            else:
                entry["error"] = {"code": failure.code, "message": failure.message}
                entries.append(entry)
                continue
        rel_expected = f"cases/{case.id}/expected.npy"
        save_npy(os.path.join(out_dir, rel_expected), result)
        entry["expected"] = rel_expected
        if source:
            entry["expected_source"] = source
        tol = tolerance(case, x, backend)
        if tol is not None:
            entry["tolerance"] = tol
        if "note" not in entry:
            note = case_notes(case, backend.name, backend.version)
            if note:
                entry["note"] = note
        entries.append(entry)
    manifest = {"format": FORMAT, "producer": {"backend": backend.name, "version": backend.version},
                "cases": entries}
    with open(os.path.join(out_dir, "manifest.json"), "w", encoding="utf-8", newline="\n") as stream:
        stream.write(manifest_text(manifest))
    return manifest


def manifest_text(manifest):
    """Strict JSON (no NaN/Infinity), keys in a fixed order, one case per line: stable diffs and
    byte-identical regeneration."""
    def dump(value):
        return json.dumps(value, ensure_ascii=True, allow_nan=False, separators=(", ", ": "))
    lines = ["{", f' "format": {dump(manifest["format"])},', f' "producer": {dump(manifest["producer"])},', ' "cases": [']
    cases = manifest["cases"]
    for index, case in enumerate(cases):
        lines.append("  " + dump(case) + ("," if index < len(cases) - 1 else ""))
    lines += [" ]", "}", ""]
    return "\n".join(lines)


def no_kernel(case, failure):
    """True when TensorFlow failed for want of a kernel rather than by validating the call."""
    if case.dtype not in DTYPES or case.values == "error":
        return False
    return DTYPES[case.dtype][1] == "quantized" or failure.code == "NOT_FOUND"


def make_backend(name):
    return TensorFlowBackend() if name == "tensorflow" else NumpyBackend()


def main(argv=None):
    parser = argparse.ArgumentParser(description="Export tfops-golden/1 fixtures for BiasAddGrad.")
    parser.add_argument("--backend", choices=("tensorflow", "numpy"), default="tensorflow",
                        help="who computes the expectations (default: tensorflow)")
    parser.add_argument("--out", required=True,
                        help="output folder (manifest.json and cases/ are written there; cases/ is replaced)")
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    manifest = export(args.out, make_backend(args.backend))
    producer = manifest["producer"]
    print(f"{len(manifest['cases'])} cases written to {args.out} ({producer['backend']} {producer['version']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
