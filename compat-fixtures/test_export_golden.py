#!/usr/bin/env python3
"""Tests of export_golden.py: /usr/bin/python3 compat-fixtures/test_export_golden.py (unittest, numpy only)."""

import filecmp
import json
import os
import sys
import tempfile
import types
import unittest

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import export_golden as eg  # noqa: E402  pylint: disable=wrong-import-position

SCHEMA_PATH = os.path.join(HERE, "tfops-golden-1.schema.json")


# ---------------------------------------------------------------- a small JSON Schema check


def schema_errors(value, schema, root, path="$"):
    """The draft-07 keywords tfops-golden-1.schema.json uses (no external packages)."""
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target[part]
        return schema_errors(value, target, root, path)
    errors = []
    kind = schema.get("type")
    checks = {"object": lambda v: isinstance(v, dict), "array": lambda v: isinstance(v, list),
              "string": lambda v: isinstance(v, str),
              "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
              "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)}
    if kind and not checks[kind](value):
        return [f"{path}: expected {kind}"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{path}: expected {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} not in enum")
    if "minimum" in schema and value < schema["minimum"]:
        errors.append(f"{path}: below minimum")
    if "minLength" in schema and len(value) < schema["minLength"]:
        errors.append(f"{path}: too short")
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                errors.append(f"{path}: missing {name}")
        properties = schema.get("properties", {})
        for name, item in value.items():
            if name in properties:
                errors += schema_errors(item, properties[name], root, f"{path}.{name}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}: unexpected {name}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            errors += schema_errors(item, schema["items"], root, f"{path}[{index}]")
    if "not" in schema and not schema_errors(value, schema["not"], root, path):
        errors.append(f"{path}: matches a forbidden schema")
    if "oneOf" in schema:
        matches = sum(1 for option in schema["oneOf"] if not schema_errors(value, option, root, path))
        if matches != 1:
            errors.append(f"{path}: matches {matches} of oneOf")
    return errors


def load_schema():
    with open(SCHEMA_PATH, encoding="utf-8") as stream:
        return json.load(stream)


def export_to_temp(backend):
    folder = tempfile.mkdtemp(prefix="tfops-golden-")
    eg.export(folder, backend)
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as stream:
        return folder, json.load(stream)


# ---------------------------------------------------------------- a stand-in for TensorFlow


class FakeOpError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.error_code = code
        self.message = message


class FakeTensor:
    def __init__(self, array, dtype):
        self.array, self.dtype = array, dtype

    def numpy(self):
        return self.array


def fake_tensorflow():
    """Just the calls TensorFlowBackend makes, answered by the numpy model of TensorFlow's own
    arithmetic (eg.TENSORFLOW: a single row copied, float16 NCHW runs summed in float16, as
    redux_functor.h does), with TensorFlow's decorations and its NOT_FOUND for quantized dtypes: the
    backend's own code runs for real. (bfloat16's per-add rounding is not modelled: the model sums
    it in float32, which the widened bfloat16 tolerance covers either way.)"""
    tf = types.ModuleType("tensorflow")
    tf.__version__ = "0.0-fake"
    tf.uint16, tf.bfloat16 = "uint16", "bfloat16"
    tf.errors = types.SimpleNamespace(OpError=FakeOpError)
    noop = lambda *_: None  # noqa: E731
    tf.config = types.SimpleNamespace(threading=types.SimpleNamespace(
        set_intra_op_parallelism_threads=noop, set_inter_op_parallelism_threads=noop))
    tf.random = types.SimpleNamespace(set_seed=noop)
    tf.as_dtype = lambda d: d if isinstance(d, str) else np.dtype(d).name
    tf.constant = lambda array: FakeTensor(np.asarray(array), np.asarray(array).dtype.name)
    tf.bitcast = lambda tensor, dtype: FakeTensor(tensor.array, dtype)

    def bias_add_grad(out_backprop, data_format):
        dtype = out_backprop.dtype  # numpy's name, or the TensorFlow name a bitcast gave it
        if dtype == "bool":
            raise FakeOpError(3, "Value for attr 'T' of bool is not in the list of allowed values: "
                                 + eg.ALLOWED_CPP_NAMES + "\n\t; NodeDef: {{node BiasAddGrad}}; Op<name=BiasAddGrad> [Op:BiasAddGrad]")
        if eg.DTYPES.get(dtype, (None, None))[1] == "quantized":
            raise FakeOpError(5, "{{function_node __wrapped__BiasAddGrad_device_/job:localhost}} No registered "
                                 "'BiasAddGrad' OpKernel for 'CPU' devices compatible with node {{node BiasAddGrad}}\n"
                                 "\t.  Registered:  device='CPU'; T in [DT_FLOAT] [Op:BiasAddGrad]")
        try:
            return FakeTensor(eg.model_bias_add_grad(dtype, data_format, out_backprop.array, eg.TENSORFLOW), dtype)
        except eg.OpFailure as failure:
            raise FakeOpError(3, "{{function_node __wrapped__BiasAddGrad_device_/job:localhost/replica:0/task:0/device:CPU:0}} "
                                 + failure.message + " [Op:BiasAddGrad]") from None

    tf.raw_ops = types.SimpleNamespace(BiasAddGrad=bias_add_grad)
    return tf


class ExporterTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = load_schema()
        cls.folder, cls.manifest = export_to_temp(eg.NumpyBackend())

    def test_committed_fixtures_regenerate_byte_for_byte(self):
        committed = os.path.join(HERE, "manifest.json")
        with open(committed, encoding="utf-8") as stream:
            producer = json.load(stream)["producer"]
        if producer != {"backend": "numpy", "version": np.__version__}:
            self.skipTest(f"committed fixtures come from {producer}, not numpy {np.__version__}")
        self.assertTrue(filecmp.cmp(committed, os.path.join(self.folder, "manifest.json"), shallow=False))
        for case in self.manifest["cases"]:
            for key in ("input", "expected"):
                if key in case:
                    self.assertTrue(filecmp.cmp(os.path.join(HERE, case[key]), os.path.join(self.folder, case[key]),
                                                shallow=False), case[key])

    def test_command_line(self):
        folder = tempfile.mkdtemp(prefix="tfops-golden-cli-")
        self.assertEqual(0, eg.main(["--backend", "numpy", "--out", folder]))
        self.assertTrue(filecmp.cmp(os.path.join(folder, "manifest.json"), os.path.join(self.folder, "manifest.json"), shallow=False))

    def test_manifest_matches_schema(self):
        self.assertEqual([], schema_errors(self.manifest, self.schema, self.schema))

    def test_schema_check_rejects_bad_manifests(self):
        case = dict(self.manifest["cases"][0])
        both = dict(case, error={"code": "INVALID_ARGUMENT", "message": "x"})
        for bad in ({"format": "tfops-golden/2", "producer": {"backend": "numpy", "version": "1"}, "cases": []},
                    {"format": "tfops-golden/1", "producer": {"backend": "numpy"}, "cases": []},
                    dict(self.manifest, cases=[both]),
                    dict(self.manifest, cases=[dict(case, shape=[-1, 2])]),
                    dict(self.manifest, cases=[dict(case, tolerance={"rtol": 0.1})])):
            self.assertNotEqual([], schema_errors(bad, self.schema, self.schema))

    def test_every_dtype_and_format_is_covered(self):
        pairs = {(c["dtype"], c["data_format"]) for c in self.manifest["cases"] if "expected" in c}
        self.assertEqual({(d, f) for d in eg.DTYPES for f in ("NHWC", "NCHW")}, pairs)
        ranks = {len(c["shape"]) for c in self.manifest["cases"]}
        self.assertTrue({0, 1, 2, 3, 4, 5, 6} <= ranks)

    def test_files_agree_with_the_manifest(self):
        for case in self.manifest["cases"]:
            x = np.load(os.path.join(self.folder, case["input"]))
            self.assertEqual(tuple(case["shape"]), x.shape, case["id"])
            if case["dtype"] in eg.DTYPES:
                self.assertEqual(np.dtype(eg.DTYPES[case["dtype"]][0]), x.dtype, case["id"])
            if "expected" in case:
                y = np.load(os.path.join(self.folder, case["expected"]))
                channels = case["shape"][eg.channel_axis(len(case["shape"]), case["data_format"])]
                self.assertEqual((channels,), y.shape, case["id"])

    def test_expectations_match_a_naive_loop(self):
        for case in self.manifest["cases"]:
            if "expected" not in case:
                continue
            x = np.load(os.path.join(self.folder, case["input"]))
            got = np.load(os.path.join(self.folder, case["expected"]))
            want = naive_bias_add_grad(case["dtype"], case["data_format"], x)
            tol = case.get("tolerance", {"rtol": 0.0, "atol": 0.0})
            if tol == {"rtol": 0.0, "atol": 0.0} and eg.DTYPES[case["dtype"]][1] in ("float", "bfloat16", "complex"):
                # Exact cases pin the sign of zero as well (DESIGN.md's comparison rule).
                zeros = components(case["dtype"], want) == 0
                np.testing.assert_array_equal(np.signbit(components(case["dtype"], got))[zeros],
                                              np.signbit(components(case["dtype"], want))[zeros], err_msg=case["id"])
            if case["dtype"] == "bfloat16":
                got, want = eg.float32_from_bfloat16_bits(got), eg.float32_from_bfloat16_bits(want)
            if got.dtype.kind in "iu":
                np.testing.assert_array_equal(got, want, err_msg=case["id"])
            else:
                with np.errstate(invalid="ignore"):  # Inf - Inf inside assert_allclose's own bookkeeping
                    np.testing.assert_allclose(got.astype(np.complex128), want.astype(np.complex128), rtol=max(tol["rtol"], 1e-300),
                                               atol=tol["atol"], equal_nan=True, err_msg=case["id"])

    def test_whole_and_nonfinite_cases_are_exact_and_half_the_floating_cases_are_whole(self):
        own = [c for c in self.manifest["cases"] if "expected_source" not in c]
        floating = [c for c in own if "tolerance" in c and c["values"] in ("whole", "random")]
        whole = [c for c in floating if c["values"] == "whole"]
        self.assertAlmostEqual(0.5, len(whole) / len(floating), delta=0.05)
        for case in own:
            if case.get("values") in ("whole", "nonfinite", "empty", "signedzero") and "tolerance" in case:
                self.assertEqual({"rtol": 0.0, "atol": 0.0}, case["tolerance"], case["id"])

    def test_signed_zero_cases_cover_every_floating_dtype_with_one_row_and_several(self):
        cases = [c for c in self.manifest["cases"] if c.get("values") == "signedzero"]
        floating = {d for d, (_, family) in eg.DTYPES.items() if family in ("float", "bfloat16", "complex")}
        for dtype in floating:
            for data_format in ("NHWC", "NCHW"):
                mine = [c for c in cases if (c["dtype"], c["data_format"]) == (dtype, data_format)]
                rows = sorted(eg.single_row(tuple(c["shape"]), data_format) for c in mine)
                self.assertEqual([False, True], rows, f"{dtype} {data_format}")
        for case in cases:
            got = components(case["dtype"], np.load(os.path.join(self.folder, case["expected"])))
            x = components(case["dtype"], np.load(os.path.join(self.folder, case["input"])))
            if eg.single_row(tuple(case["shape"]), case["data_format"]):
                self.assertTrue(np.signbit(got).any(), case["id"])  # -0.0 kept
                np.testing.assert_array_equal(np.signbit(x.reshape(got.shape)), np.signbit(got), err_msg=case["id"])
            else:
                self.assertFalse(np.signbit(got[got == 0]).any(), case["id"])  # zeros sum to +0.0
                self.assertTrue(np.signbit(x[x == 0]).any(), case["id"])  # from inputs with -0.0

    def test_tfmodel_cases_share_their_twins_input_and_carry_a_tensorflow_tolerance(self):
        cases = {c["id"]: c for c in self.manifest["cases"]}
        twins = [c for c in cases.values() if c["id"].endswith("-tfmodel")]
        valued = [c for c in cases.values() if (c["dtype"], c["data_format"]) == ("float16", "NCHW")
                  and c.get("values") in ("whole", "random") and "expected_source" not in c]
        self.assertEqual(len(valued), len(twins))
        for case in twins:
            twin = cases[case["id"][:-len("-tfmodel")]]
            self.assertEqual((twin["input"], twin["seed"], twin["values"]), (case["input"], case["seed"], case["values"]))
            self.assertEqual("numpy-tf-model", case["expected_source"])
            self.assertIn("not a TensorFlow run", case["note"])
            self.assertGreater(case["tolerance"]["atol"], 0.0, case["id"])
            self.assertGreaterEqual(case["tolerance"]["atol"], twin["tolerance"]["atol"], case["id"])

    def test_tolerance_formula(self):
        case = next(c for c in self.manifest["cases"] if c["id"] == "float32/NCHW/2x3x65")
        self.assertEqual("random", case["values"])
        x = np.load(os.path.join(self.folder, case["input"])).astype(np.float64)
        expected_atol = 2 * 65 * 2.0 ** -23 * np.abs(x).sum(axis=(0, 2)).max()
        self.assertAlmostEqual(expected_atol, case["tolerance"]["atol"], delta=expected_atol * 1e-12)
        self.assertEqual(2.0 ** -24, case["tolerance"]["rtol"])

    def test_quantized_cases_are_graded_with_a_note(self):
        for case in (c for c in self.manifest["cases"] if c["dtype"].startswith(("qint", "quint"))):
            self.assertIn("expected", case)
            self.assertIn("no BiasAddGrad kernel", case["note"])

    def test_error_cases(self):
        errors = {c["id"]: c["error"] for c in self.manifest["cases"] if "error" in c}
        self.assertEqual("Input tensor must be at least 2D: [5]", errors["float32/NHWC/rank1"]["message"])
        self.assertEqual("Input tensor must be at least 2D: []", errors["float32/NCHW/rank0"]["message"])
        self.assertIn("attr 'data_format' of \"NCDHW\"", errors["float32/NCDHW/rank1"]["message"])
        self.assertTrue(errors["bool/NCDHW/3x2"]["message"].startswith("Value for attr 'T' of bool is not in the list"))
        self.assertTrue(all(e["code"] == "INVALID_ARGUMENT" for e in errors.values()))

    def test_manifest_is_strict_json(self):
        with open(os.path.join(self.folder, "manifest.json"), encoding="utf-8") as stream:
            text = stream.read()
        json.loads(text, parse_constant=lambda name: self.fail(f"non-strict constant {name}"))


class ModelTests(unittest.TestCase):
    def test_bfloat16_rounds_to_nearest_even(self):
        values = np.array([1.0, 1.0 + 2.0 ** -8, 1.0 + 3 * 2.0 ** -8, 1.0 + 2.0 ** -8 + 2.0 ** -20, -2.5, np.inf], dtype=np.float32)
        bits = eg.bfloat16_bits_from_float32(values)
        self.assertEqual([0x3F80, 0x3F80, 0x3F82, 0x3F81, 0xC020, 0x7F80], bits.tolist())
        self.assertTrue(np.isnan(eg.float32_from_bfloat16_bits(eg.bfloat16_bits_from_float32(np.array([np.nan], np.float32))))[0])

    def test_nchw_channel_is_axis_one_at_every_rank(self):
        x = np.arange(2 * 3 * 2 * 2 * 2, dtype=np.float32).reshape(2, 3, 2, 2, 2)
        np.testing.assert_array_equal(x.sum(axis=(0, 2, 3, 4)), eg.model_bias_add_grad("float32", "NCHW", x))
        rank2 = np.arange(6, dtype=np.int32).reshape(3, 2)
        np.testing.assert_array_equal(rank2.sum(axis=0), eg.model_bias_add_grad("int32", "NCHW", rank2))

    def test_integers_wrap(self):
        x = np.full((3, 2), 127, dtype=np.int8)
        self.assertEqual([125, 125], eg.model_bias_add_grad("int8", "NHWC", x).tolist())
        u = np.full((2, 1), np.iinfo(np.uint64).max, dtype=np.uint64)
        self.assertEqual([np.iinfo(np.uint64).max - 1], eg.model_bias_add_grad("uint64", "NHWC", u).tolist())

    def test_half_sums_in_float32_and_rounds_once(self):
        x = np.array([[2048.0], [1.0], [1.0]], dtype=np.float16)  # float16 steps would lose both 1s
        self.assertEqual(2050.0, float(eg.model_bias_add_grad("float16", "NHWC", x)[0]))

    def test_single_row_is_copied_bit_for_bit(self):
        # TensorFlow copies a single row (redux_functor.h): -0.0 stays -0.0, NaN payloads stay.
        bits = {"float16": np.array([0x8000, 0x7C2B, 0xFE2A, 0x3E00], "<u2").view("<f2"),
                "bfloat16": np.array([0x8000, 0x7F85, 0xFFC5, 0x3FC0], "<u2"),
                "float32": np.array([0x80000000, 0x7F801234, 0xFFC04321, 0x3FC00000], "<u4").view("<f4"),
                "float64": np.array([1 << 63, 0x7FF000000000BEEF, 0xFFF8000000001234, 0x3FF8 << 48], "<u8").view("<f8")}
        bits["complex64"] = bits["float32"].view("<c8")
        bits["complex128"] = bits["float64"].view("<c16")
        for dtype, row in bits.items():
            channels = row.size
            for data_format, shape in (("NHWC", (1, channels)), ("NHWC", (1, 1, channels)), ("NCHW", (1, channels, 1, 1)), ("NCHW", (1, channels))):
                got = eg.model_bias_add_grad(dtype, data_format, row.reshape(shape))
                self.assertEqual(row.tobytes(), got.tobytes(), f"{dtype} {data_format} {shape}")
                self.assertEqual(row.dtype, got.dtype)

    def test_longer_sums_of_zeros_are_positive_zero(self):
        # Whether numpy's own reduce keeps -0.0 depends on its version and loop; the model must not.
        for dtype in ("float16", "float32", "float64", "complex64", "complex128"):
            for data_format, shape in (("NHWC", (2, 3)), ("NCHW", (1, 3, 2)), ("NCHW", (2, 3, 1))):
                got = eg.model_bias_add_grad(dtype, data_format, np.full(shape, -0.0, dtype=eg.DTYPES[dtype][0]))
                self.assertFalse(np.signbit(got.real).any() or np.signbit(got.imag).any(), f"{dtype} {data_format} {shape}")
        got = eg.model_bias_add_grad("bfloat16", "NHWC", np.full((2, 3), 0x8000, dtype="<u2"))
        self.assertEqual([0, 0, 0], got.tolist())

    def test_tensorflow_sums_float16_nchw_runs_in_float16(self):
        # The smallest demonstration: in float16, 2048 + 1 = 2049 is a tie and rounds to 2048.
        x = np.array([2048, 1, 1], dtype=np.float16)
        self.assertEqual(2048.0, float(eg.model_bias_add_grad("float16", "NCHW", x.reshape(1, 1, 3), eg.TENSORFLOW)[0]))
        self.assertEqual(2050.0, float(eg.model_bias_add_grad("float16", "NCHW", x.reshape(1, 1, 3))[0]))  # TfOps
        self.assertEqual(2050.0, float(eg.model_bias_add_grad("float16", "NHWC", x.reshape(3, 1), eg.TENSORFLOW)[0]))
        # Runs are summed in float16, then added over N in float32: 2048 + 2 across two runs is exact.
        two = np.array([[2048, 0], [1, 1]], dtype=np.float16).reshape(2, 1, 2)
        self.assertEqual(2050.0, float(eg.model_bias_add_grad("float16", "NCHW", two, eg.TENSORFLOW)[0]))

    def test_eigen_half_reducer_shape(self):
        def run(values, count):
            row = np.zeros((1, count), dtype=np.float16)
            for index, value in values.items():
                row[0, index] = value
            return float(eg.eigen_half_sum(row)[0])
        # Fewer than 8: a scalar float16 tail, 2048 + 1 + 1 -> 2048.
        self.assertEqual(2048.0, run({0: 2048, 1: 1, 2: 1}, 3))
        # One packet of 8 lanes, folded in float32 and rounded once: 2048 + 7 = 2055 -> 2056 (ties to even).
        self.assertEqual(2056.0, run({0: 2048, **{i: 1 for i in range(1, 8)}}, 8))
        # 64 values: four packet accumulators; lane 0 of the second holds 1 + 1 = 2 before meeting 2048.
        self.assertEqual(2050.0, run({0: 2048, 8: 1, 40: 1}, 64))
        # 1608 > 200 packets: split at 808 (the middle rounded up to a packet); the right half sums
        # its two 1s in separate accumulators (2), then 2048 + 2. Without the split: 2048.
        self.assertEqual(2050.0, run({0: 2048, 808: 1, 816: 1}, 1608))

    def test_validation_order(self):
        with self.assertRaises(eg.OpFailure) as raised:
            eg.validate("bool", "NCDHW", ())
        self.assertIn("attr 'T' of bool", raised.exception.message)
        with self.assertRaises(eg.OpFailure) as raised:
            eg.validate("float32", "nhwc", (5,))
        self.assertIn("attr 'data_format' of \"nhwc\"", raised.exception.message)

    def test_core_message_strips_decorations(self):
        raw = ("{{function_node __wrapped__BiasAddGrad_device_/job:localhost/replica:0/task:0/device:CPU:0}} "
               "Input tensor must be at least 2D: [5] [Op:BiasAddGrad]")
        self.assertEqual("Input tensor must be at least 2D: [5]", eg.core_message(raw))
        self.assertEqual("Value for attr 'T' of bool is x", eg.core_message("Value for attr 'T' of bool is x\n\t; NodeDef: y [Op:BiasAddGrad]"))


class TensorFlowBackendTests(unittest.TestCase):
    """The tensorflow backend runs against a stand-in module: everything but TensorFlow itself is real."""

    @classmethod
    def setUpClass(cls):
        cls.saved = sys.modules.get("tensorflow")
        sys.modules["tensorflow"] = fake_tensorflow()
        cls.folder, cls.manifest = export_to_temp(eg.make_backend("tensorflow"))
        cls.cases = {c["id"]: c for c in cls.manifest["cases"]}

    @classmethod
    def tearDownClass(cls):
        if cls.saved is None:
            sys.modules.pop("tensorflow", None)
        else:
            sys.modules["tensorflow"] = cls.saved

    def test_producer_and_schema(self):
        self.assertEqual({"backend": "tensorflow", "version": "0.0-fake"}, self.manifest["producer"])
        schema = load_schema()
        self.assertEqual([], schema_errors(self.manifest, schema, schema))

    def test_quantized_falls_back_to_the_numpy_reference(self):
        case = self.cases["qint8/NHWC/5x3-wrap"]
        self.assertEqual("numpy-reference", case["expected_source"])
        self.assertTrue(case["note"].startswith("TensorFlow 0.0-fake has no kernel: NOT_FOUND No registered 'BiasAddGrad' OpKernel"))
        self.assertNotIn("\n", case["note"])
        self.assertEqual([118, 118, 118], np.load(os.path.join(self.folder, case["expected"])).tolist())

    def test_errors_are_stripped(self):
        self.assertEqual({"code": "INVALID_ARGUMENT", "message": "Input tensor must be at least 2D: [5]"},
                         self.cases["float32/NHWC/rank1"]["error"])
        self.assertTrue(self.cases["bool/NHWC/3x2"]["error"]["message"].endswith("uint32, uint64"))

    def test_bfloat16_atol_is_widened_with_bfloat16_eps(self):
        whole = self.cases["bfloat16/NHWC/3x2"]
        self.assertGreater(whole["tolerance"]["atol"], 0.0)
        x = eg.float32_from_bfloat16_bits(np.load(os.path.join(self.folder, whole["input"]))).astype(np.float64)
        self.assertEqual(3 * 2.0 ** -7 * np.abs(x).sum(axis=0).max(), whole["tolerance"]["atol"])
        self.assertEqual({"rtol": 0.0, "atol": 0.0}, self.cases["float32/NHWC/3x2"]["tolerance"])

    def test_half_nchw_atol_is_widened_with_float16_eps(self):
        whole = self.cases["float16/NCHW/2x3x4x2"]
        self.assertEqual("whole", whole["values"])
        x = np.load(os.path.join(self.folder, whole["input"])).astype(np.float64)
        self.assertEqual(16 * 2.0 ** -10 * np.abs(x).sum(axis=(0, 2, 3)).max(), whole["tolerance"]["atol"])
        self.assertEqual(2.0 ** -11, whole["tolerance"]["rtol"])
        self.assertEqual({"rtol": 0.0, "atol": 0.0}, self.cases["float16/NHWC/2x3x4x2"]["tolerance"])
        self.assertGreater(self.cases["float16/NCHW/2x6x2-nonfinite"]["tolerance"]["atol"], 0.0)
        self.assertEqual(0.0, self.cases["float16/NCHW/2x6x2-nonfinite"]["tolerance"]["rtol"])

    def test_tensorflow_export_of_half_nchw_passes_tfops_under_the_new_rule_and_failed_under_the_old(self):
        plan = {c.id: c for c in eg.plan_cases()}
        failed_before = []
        half_nchw = [c for c in self.manifest["cases"] if (c["dtype"], c["data_format"]) == ("float16", "NCHW") and "expected" in c]
        self.assertGreaterEqual(len(half_nchw), 19)
        for case in half_nchw:
            x = np.load(os.path.join(self.folder, case["input"]))
            want = np.load(os.path.join(self.folder, case["expected"]))  # TensorFlow's arithmetic (the fake)
            tfops = eg.model_bias_add_grad("float16", "NCHW", x)  # TfOps's: float32 sums rounded once
            self.assertTrue(within(tfops, want, case["tolerance"]), case["id"])
            # The old rule gave float16 the float32 accumulator in both formats (as a numpy export still does).
            if not within(tfops, want, eg.tolerance(plan[case["id"]], x, eg.NumpyBackend())):
                failed_before.append(case["id"])
        self.assertTrue(failed_before, "a TensorFlow-style float16 NCHW export should have failed under the old rule")
        # The smallest demonstration: a whole-number case, so the old rule had it exact.
        demo = eg.Case("float16", "NCHW", (1, 1, 3), "whole")
        x = np.array([2048, 1, 1], dtype=np.float16).reshape(1, 1, 3)
        tensorflow = eg.make_backend("tensorflow")  # the stand-in module, still installed
        expected = tensorflow.compute("float16", "NCHW", x)
        self.assertEqual([2048.0], expected.tolist())
        tfops = eg.model_bias_add_grad("float16", "NCHW", x)
        self.assertEqual([2050.0], tfops.tolist())
        self.assertTrue(within(tfops, expected, eg.tolerance(demo, x, tensorflow)))
        self.assertEqual({"rtol": 0.0, "atol": 0.0}, eg.tolerance(demo, x, eg.NumpyBackend()))
        self.assertFalse(within(tfops, expected, eg.tolerance(demo, x, eg.NumpyBackend())))

    def test_signed_zero_cases_stay_exact_and_no_tfmodel_twins(self):
        self.assertFalse([i for i in self.cases if i.endswith("-tfmodel")])
        single = self.cases["bfloat16/NCHW/1x6x1x1-signedzero"]
        self.assertEqual({"rtol": 0.0, "atol": 0.0}, single["tolerance"])
        self.assertEqual(0x8000, int(np.load(os.path.join(self.folder, single["expected"]))[0]))

    def test_same_inputs_as_the_numpy_backend(self):
        numpy_folder, _ = export_to_temp(eg.NumpyBackend())
        for case in self.manifest["cases"]:
            self.assertTrue(filecmp.cmp(os.path.join(self.folder, case["input"]), os.path.join(numpy_folder, case["input"]),
                                        shallow=False), case["id"])


def within(actual, expected, tol):
    """DESIGN.md's comparison for float16 results: |a - e| <= atol + rtol * |e|, NaN equals NaN."""
    a, e = actual.astype(np.float64), expected.astype(np.float64)
    with np.errstate(invalid="ignore"):
        close = np.abs(a - e) <= tol["atol"] + tol["rtol"] * np.abs(e)
    return bool(np.all(close | (np.isnan(a) & np.isnan(e)) | (a == e)))


def components(dtype, array):
    """Real values of an expectation as float64, complex as [..., 2] (real, imaginary)."""
    family = eg.DTYPES[dtype][1]
    if family == "bfloat16":
        return eg.float32_from_bfloat16_bits(array).astype(np.float64)
    if family == "complex":
        return np.stack([array.real, array.imag], axis=-1).astype(np.float64)
    return np.asarray(array).astype(np.float64)


def naive_bias_add_grad(dtype, data_format, x):
    """An independent per-element loop in Python scalars (exact integers, float64 for floats). One
    term per channel is the term itself, as TensorFlow copies a single row; longer sums start from
    +0.0 (Python's 0 + -0.0 is +0.0), as Eigen's reducer does."""
    axis = eg.channel_axis(x.ndim, data_format)
    channels = x.shape[axis]
    storage, family = eg.DTYPES[dtype]
    if channels and x.size == channels:
        return np.array(x, dtype=storage).reshape(channels)
    values = eg.float32_from_bfloat16_bits(x) if family == "bfloat16" else x
    sums = [0] * channels if family in ("int", "quantized") else [[0.0, 0.0] for _ in range(channels)]
    for index in np.ndindex(*x.shape):
        item = values[index].item()
        if family in ("int", "quantized"):
            sums[index[axis]] += item
        else:  # per component: complex arithmetic would give 0j + (-0.0 + 0j) the wrong zero signs
            sums[index[axis]][0] += complex(item).real
            sums[index[axis]][1] += complex(item).imag
    if family in ("int", "quantized"):
        info = np.iinfo(np.dtype(storage))
        span = info.max - info.min + 1
        return np.array([((s - info.min) % span) + info.min for s in sums], dtype=storage)
    with np.errstate(invalid="ignore", over="ignore"):
        if family == "complex":
            out = np.empty(channels, dtype=storage)
            out.real, out.imag = [s[0] for s in sums], [s[1] for s in sums]
            return out
        real = np.array([s[0] for s in sums], dtype=np.float64)
        if family == "bfloat16":
            return eg.bfloat16_bits_from_float32(real.astype(np.float32))
        return real.astype(storage)


if __name__ == "__main__":
    unittest.main()
