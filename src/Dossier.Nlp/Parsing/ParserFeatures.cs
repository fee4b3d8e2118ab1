using System.Runtime.CompilerServices;
using Dossier.Nlp.Learning;
using Dossier.Nlp.Tagging;

namespace Dossier.Nlp.Parsing;

/// <summary>
/// One sentence's word and tag hashes, computed once, with the root as word <c>n</c> and fixed
/// markers for "no such word", so a feature never needs a branch for a missing position.
/// </summary>
internal sealed class ParseContext
{
    private const ulong Missing = 0x5bd1e9955bd1e995UL;
    private const ulong RootValue = 0x27d4eb2f165667c5UL;

    private readonly ulong[] word;
    private readonly ulong[] universal;
    private readonly ulong[] penn;
    private readonly ulong[] wordPenn;
    private readonly ulong[] suffix;

    // punctuationBefore[i]: how many of words 0..i-1 are punctuation.
    private readonly int[] punctuationBefore;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ParseContext(IReadOnlyList<string> words, IReadOnlyList<string> universalTags, IReadOnlyList<string> pennTags)
    {
        var n = words.Count;
        word = new ulong[n + 1];
        universal = new ulong[n + 1];
        penn = new ulong[n + 1];
        wordPenn = new ulong[n + 1];
        suffix = new ulong[n + 1];
        punctuationBefore = new int[n + 2];
        for (var i = 0; i < n; i++)
        {
            punctuationBefore[i + 1] = punctuationBefore[i] + (string.Equals(universalTags[i], "PUNCT", StringComparison.Ordinal) ? 1 : 0);
            var normal = WordFeatures.Normal(words[i]);
            suffix[i] = FeatureHash.Of(normal.AsSpan(Math.Max(0, normal.Length - 3)));
            word[i] = FeatureHash.Of(normal);
            universal[i] = FeatureHash.Of(universalTags[i]);
            penn[i] = FeatureHash.Of(pennTags[i]);
            wordPenn[i] = FeatureHash.Combine(900, word[i], penn[i]);
        }

        word[n] = universal[n] = penn[n] = wordPenn[n] = suffix[n] = RootValue;
        punctuationBefore[n + 1] = punctuationBefore[n];
        Length = n;
    }

    public int Length { get; }

    public ulong W(int i) => i < 0 ? Missing : word[i];

    public ulong T(int i) => i < 0 ? Missing : universal[i];

    public ulong P(int i) => i < 0 ? Missing : penn[i];

    public ulong WP(int i) => i < 0 ? Missing : wordPenn[i];

    public ulong Suffix(int i) => i < 0 ? Missing : suffix[i];

    /// <summary>How many punctuation words lie strictly between <paramref name="left"/> and <paramref name="right"/>, capped at 3.</summary>
    public ulong PunctuationBetween(int left, int right) =>
        left < 0 || right < 0 || right <= left ? 7UL : (ulong)Math.Min(3, punctuationBefore[right] - punctuationBefore[left + 1]);
}

/// <summary>
/// The feature templates, after Zhang and Nivre (2011) adapted to arc-hybrid: words, Penn and
/// universal tags of the first three stack and buffer words; pairs and triples of them; distance;
/// valency; the outermost two dependents of s0, s1 and b0 with their relations (second and third
/// order); and the sets of relations each has taken. Template numbers are part of the model file:
/// renumbering one changes every model.
/// </summary>
internal static class ParserFeatures
{
    public const int MoveCapacity = 128;
    public const int LabelCapacity = 48;

    private const ulong NoLabel = 0x9E3779B97F4A7C15UL;

    // The parser's hot path is compiled optimized from its first call. Left to the runtime's tiers,
    // it ran unoptimized (first quick, then instrumented code) for most of a 300-article run pinned
    // to one core: the runtime waits for a lull in new methods before it optimizes hot ones, and
    // counts a single core as ten times the wait. The small helpers (the hashes, the context's
    // lookups) are inlined into these, so they need no mark of their own.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ForMove(ParseContext c, ArcHybrid state, Span<ulong> f)
    {
        var s0 = state.Stack(0);
        var s1 = state.Stack(1);
        var s2 = state.Stack(2);
        var b0 = state.Buffer;
        var b1 = state.BufferAt(1);
        var b2 = state.BufferAt(2);
        var s0l = Of(state.LeftMost, s0);
        var s0l2 = Of(state.LeftMost2, s0);
        var s0r = Of(state.RightMost, s0);
        var s0r2 = Of(state.RightMost2, s0);
        var s1l = Of(state.LeftMost, s1);
        var s1r = Of(state.RightMost, s1);
        var b0l = Of(state.LeftMost, b0);
        var b0l2 = Of(state.LeftMost2, b0);

        ulong ws0 = c.W(s0), ps0 = c.P(s0), wps0 = c.WP(s0);
        ulong ws1 = c.W(s1), ps1 = c.P(s1), wps1 = c.WP(s1);
        ulong wb0 = c.W(b0), pb0 = c.P(b0), wpb0 = c.WP(b0);
        ulong pb1 = c.P(b1), pb2 = c.P(b2), ps2 = c.P(s2);
        var d1 = s0 < 0 ? 0UL : Distance(b0 - s0);
        var d2 = s1 < 0 ? 0UL : Distance(s0 - s1);

        var n = 0;
        f[n++] = FeatureHash.Combine(0, 0);
        f[n++] = FeatureHash.Combine(1, ws0);
        f[n++] = FeatureHash.Combine(2, ps0);
        f[n++] = FeatureHash.Combine(3, c.T(s0));
        f[n++] = FeatureHash.Combine(4, wps0);
        f[n++] = FeatureHash.Combine(5, ws1);
        f[n++] = FeatureHash.Combine(6, ps1);
        f[n++] = FeatureHash.Combine(7, c.T(s1));
        f[n++] = FeatureHash.Combine(8, wps1);
        f[n++] = FeatureHash.Combine(9, wb0);
        f[n++] = FeatureHash.Combine(10, pb0);
        f[n++] = FeatureHash.Combine(11, c.T(b0));
        f[n++] = FeatureHash.Combine(12, wpb0);
        f[n++] = FeatureHash.Combine(13, c.W(b1));
        f[n++] = FeatureHash.Combine(14, pb1);
        f[n++] = FeatureHash.Combine(15, c.WP(b1));
        f[n++] = FeatureHash.Combine(16, c.W(b2));
        f[n++] = FeatureHash.Combine(17, pb2);
        f[n++] = FeatureHash.Combine(18, c.W(s2));
        f[n++] = FeatureHash.Combine(19, ps2);

        f[n++] = FeatureHash.Combine(20, wps0, wpb0);
        f[n++] = FeatureHash.Combine(21, wps0, wb0);
        f[n++] = FeatureHash.Combine(22, ws0, wpb0);
        f[n++] = FeatureHash.Combine(23, wps0, pb0);
        f[n++] = FeatureHash.Combine(24, ps0, wpb0);
        f[n++] = FeatureHash.Combine(25, ws0, wb0);
        f[n++] = FeatureHash.Combine(26, ps0, pb0);
        f[n++] = FeatureHash.Combine(27, pb0, pb1);
        f[n++] = FeatureHash.Combine(28, wps1, wps0);
        f[n++] = FeatureHash.Combine(29, ws1, ws0);
        f[n++] = FeatureHash.Combine(30, ps1, ps0);
        f[n++] = FeatureHash.Combine(31, wps1, ps0);
        f[n++] = FeatureHash.Combine(32, ps1, wps0);
        f[n++] = FeatureHash.Combine(33, c.T(s0), c.T(b0));
        f[n++] = FeatureHash.Combine(34, c.T(s1), c.T(s0));

        f[n++] = FeatureHash.Combine(35, pb0, pb1, pb2);
        f[n++] = FeatureHash.Combine(36, ps0, pb0, pb1);
        f[n++] = FeatureHash.Combine(37, ps1, ps0, pb0);
        f[n++] = FeatureHash.Combine(38, ps0, c.P(s0l), pb0);
        f[n++] = FeatureHash.Combine(39, ps0, c.P(s0r), pb0);
        f[n++] = FeatureHash.Combine(40, ps0, pb0, c.P(b0l));
        f[n++] = FeatureHash.Combine(41, ps2, ps1, ps0);
        f[n++] = FeatureHash.Combine(42, ps1, c.P(s1r), ps0);
        f[n++] = FeatureHash.Combine(43, ps1, c.P(s1l), ps0);
        f[n++] = FeatureHash.Combine(44, ps1, ps0, c.P(s0l));
        f[n++] = FeatureHash.Combine(45, ps1, ps0, c.P(s0r));
        f[n++] = FeatureHash.Combine(46, ws1, ps0, pb0);
        f[n++] = FeatureHash.Combine(47, wb0, ps1, ps0);
        f[n++] = FeatureHash.Combine(48, ws0, ps1, pb0);

        f[n++] = FeatureHash.Combine(49, ws0, d1);
        f[n++] = FeatureHash.Combine(50, ps0, d1);
        f[n++] = FeatureHash.Combine(51, wb0, d1);
        f[n++] = FeatureHash.Combine(52, pb0, d1);
        f[n++] = FeatureHash.Combine(53, ws0, wb0, d1);
        f[n++] = FeatureHash.Combine(54, ps0, pb0, d1);
        f[n++] = FeatureHash.Combine(55, ws1, d2);
        f[n++] = FeatureHash.Combine(56, ps1, d2);
        f[n++] = FeatureHash.Combine(57, ws0, d2);
        f[n++] = FeatureHash.Combine(58, ps1, ps0, d2);
        f[n++] = FeatureHash.Combine(59, ws1, ws0, d2);

        var vrs0 = Count(state.RightCount, s0);
        var vls0 = Count(state.LeftCount, s0);
        var vlb0 = Count(state.LeftCount, b0);
        var vrs1 = Count(state.RightCount, s1);
        var vls1 = Count(state.LeftCount, s1);
        f[n++] = FeatureHash.Combine(60, ws0, vrs0);
        f[n++] = FeatureHash.Combine(61, ps0, vrs0);
        f[n++] = FeatureHash.Combine(62, ws0, vls0);
        f[n++] = FeatureHash.Combine(63, ps0, vls0);
        f[n++] = FeatureHash.Combine(64, wb0, vlb0);
        f[n++] = FeatureHash.Combine(65, pb0, vlb0);
        f[n++] = FeatureHash.Combine(66, ws1, vrs1);
        f[n++] = FeatureHash.Combine(67, ps1, vrs1);
        f[n++] = FeatureHash.Combine(68, ws1, vls1);
        f[n++] = FeatureHash.Combine(69, ps1, vls1);

        ulong ls0l = Label(state, s0l), ls0r = Label(state, s0r), lb0l = Label(state, b0l);
        ulong ls1l = Label(state, s1l), ls1r = Label(state, s1r);
        f[n++] = FeatureHash.Combine(70, c.W(s0l));
        f[n++] = FeatureHash.Combine(71, c.P(s0l));
        f[n++] = FeatureHash.Combine(72, ls0l);
        f[n++] = FeatureHash.Combine(73, c.W(s0r));
        f[n++] = FeatureHash.Combine(74, c.P(s0r));
        f[n++] = FeatureHash.Combine(75, ls0r);
        f[n++] = FeatureHash.Combine(76, c.W(b0l));
        f[n++] = FeatureHash.Combine(77, c.P(b0l));
        f[n++] = FeatureHash.Combine(78, lb0l);
        f[n++] = FeatureHash.Combine(79, c.P(s1l), ls1l);
        f[n++] = FeatureHash.Combine(80, c.P(s1r), ls1r);

        f[n++] = FeatureHash.Combine(81, c.W(s0l2));
        f[n++] = FeatureHash.Combine(82, c.P(s0l2));
        f[n++] = FeatureHash.Combine(83, Label(state, s0l2));
        f[n++] = FeatureHash.Combine(84, c.W(s0r2));
        f[n++] = FeatureHash.Combine(85, c.P(s0r2));
        f[n++] = FeatureHash.Combine(86, Label(state, s0r2));
        f[n++] = FeatureHash.Combine(87, c.W(b0l2));
        f[n++] = FeatureHash.Combine(88, c.P(b0l2));
        f[n++] = FeatureHash.Combine(89, Label(state, b0l2));
        f[n++] = FeatureHash.Combine(90, ps0, c.P(s0l), c.P(s0l2));
        f[n++] = FeatureHash.Combine(91, ps0, c.P(s0r), c.P(s0r2));
        f[n++] = FeatureHash.Combine(92, pb0, c.P(b0l), c.P(b0l2));

        var lsets0 = Set(state.LeftLabels, s0);
        var rsets0 = Set(state.RightLabels, s0);
        var lsetb0 = Set(state.LeftLabels, b0);
        f[n++] = FeatureHash.Combine(93, ws0, lsets0);
        f[n++] = FeatureHash.Combine(94, ps0, lsets0);
        f[n++] = FeatureHash.Combine(95, ws0, rsets0);
        f[n++] = FeatureHash.Combine(96, ps0, rsets0);
        f[n++] = FeatureHash.Combine(97, wb0, lsetb0);
        f[n++] = FeatureHash.Combine(98, pb0, lsetb0);
        f[n++] = FeatureHash.Combine(99, ps1, Set(state.RightLabels, s1));
        f[n++] = FeatureHash.Combine(100, ps1, Set(state.LeftLabels, s1));

        f[n++] = FeatureHash.Combine(101, (ulong)Math.Min(state.StackCount, 3), pb0);
        f[n++] = FeatureHash.Combine(102, ps0, ls0l, ls0r);
        f[n++] = FeatureHash.Combine(103, pb0, lb0l, Label(state, b0l2));
        f[n++] = FeatureHash.Combine(104, ps1, ls1l, ls1r);
        f[n++] = FeatureHash.Combine(105, ws0, ls0l, ls0r);
        f[n++] = FeatureHash.Combine(106, wb0, lb0l);

        // Commas and other punctuation between the two candidates of an arc: clause and list boundaries.
        var commas0 = c.PunctuationBetween(s0, b0);
        var commas1 = c.PunctuationBetween(s1, s0);
        f[n++] = FeatureHash.Combine(107, ps0, pb0, commas0);
        f[n++] = FeatureHash.Combine(108, ps1, ps0, commas1);
        f[n++] = FeatureHash.Combine(109, ws0, commas0);
        f[n++] = FeatureHash.Combine(110, wb0, pb1);
        f[n++] = FeatureHash.Combine(111, wb0, c.W(b1));
        f[n++] = FeatureHash.Combine(112, ws0, pb0, pb1);
        f[n++] = FeatureHash.Combine(113, ps0, pb0, ls0r);
        f[n++] = FeatureHash.Combine(114, pb1, pb2, c.P(state.BufferAt(3)));
        f[n++] = FeatureHash.Combine(115, ws1, ws0, pb0);
        f[n++] = FeatureHash.Combine(116, ps1, ps0, commas0);
        return n;
    }

    /// <summary>Features for choosing the relation of an arc just decided on, head and dependent known.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ForLabel(ParseContext c, ArcHybrid state, int head, int dependent, Span<ulong> f)
    {
        var dir = dependent < head ? 1UL : 2UL;
        ulong wd = c.W(dependent), pd = c.P(dependent), wh = c.W(head), ph = c.P(head);
        var dl = state.LeftMost[dependent];
        var dr = state.RightMost[dependent];
        var hl = state.LeftMost[head];
        var hr = state.RightMost[head];
        var ldl = Label(state, dl);
        var ldr = Label(state, dr);
        var n = 0;
        f[n++] = FeatureHash.Combine(200, dir);
        f[n++] = FeatureHash.Combine(201, dir, wd);
        f[n++] = FeatureHash.Combine(202, dir, pd);
        f[n++] = FeatureHash.Combine(203, dir, c.T(dependent));
        f[n++] = FeatureHash.Combine(204, dir, c.WP(dependent));
        f[n++] = FeatureHash.Combine(205, dir, wh);
        f[n++] = FeatureHash.Combine(206, dir, ph);
        f[n++] = FeatureHash.Combine(207, dir, c.WP(head));
        f[n++] = FeatureHash.Combine(208, dir, wh, wd);
        f[n++] = FeatureHash.Combine(209, dir, ph, pd);
        f[n++] = FeatureHash.Combine(210, dir, c.WP(head), pd);
        f[n++] = FeatureHash.Combine(211, dir, ph, c.WP(dependent));
        f[n++] = FeatureHash.Combine(212, dir, c.T(head), c.T(dependent));
        f[n++] = FeatureHash.Combine(213, ph, pd, (Distance(Math.Abs(head - dependent)) << 2) | dir);
        f[n++] = FeatureHash.Combine(214, dir, ldl);
        f[n++] = FeatureHash.Combine(215, dir, ldr);
        f[n++] = FeatureHash.Combine(216, dir, pd, ldl);
        f[n++] = FeatureHash.Combine(217, dir, pd, ldr);
        f[n++] = FeatureHash.Combine(218, dir, pd, c.W(dl));
        f[n++] = FeatureHash.Combine(219, dir, pd, state.LeftLabels[dependent]);
        f[n++] = FeatureHash.Combine(220, dir, pd, state.RightLabels[dependent]);
        f[n++] = FeatureHash.Combine(221, dir, ph, state.LeftLabels[head]);
        f[n++] = FeatureHash.Combine(222, dir, ph, state.RightLabels[head]);
        f[n++] = FeatureHash.Combine(223, ph, pd, dir == 1 ? Label(state, hl) : Label(state, hr));
        f[n++] = FeatureHash.Combine(224, c.P(dependent - 1), pd, dir);
        f[n++] = FeatureHash.Combine(225, pd, c.P(dependent + 1 < c.Length ? dependent + 1 : -1), dir);
        f[n++] = FeatureHash.Combine(226, dir, wd, ldl);
        f[n++] = FeatureHash.Combine(227, pd, (ulong)Math.Min(state.LeftCount[dependent], 3), (ulong)Math.Min(state.RightCount[dependent], 3));
        f[n++] = FeatureHash.Combine(228, dir, wh, pd);
        f[n++] = FeatureHash.Combine(229, dir, ph, wd);
        f[n++] = FeatureHash.Combine(230, dir, pd, FeatureHash.Combine(0, ldl, ldr));
        f[n++] = FeatureHash.Combine(231, dir, wh, state.LeftLabels[head] ^ (state.RightLabels[head] << 1));
        f[n++] = FeatureHash.Combine(232, dir, wd, c.W(dr));
        f[n++] = FeatureHash.Combine(233, dir, c.T(head), c.W(dl));
        f[n++] = FeatureHash.Combine(234, dir, wd, ph);
        f[n++] = FeatureHash.Combine(235, ph, pd, c.P(head < dependent ? head + 1 : head - 1));
        f[n++] = FeatureHash.Combine(236, dir, c.Suffix(dependent), ph);
        f[n++] = FeatureHash.Combine(237, dir, c.W(dl), ph);
        f[n++] = FeatureHash.Combine(238, dir, c.W(dl), c.W(head));
        f[n++] = FeatureHash.Combine(239, dir, wd, c.W(dependent - 1));
        f[n++] = FeatureHash.Combine(240, dir, pd, c.PunctuationBetween(Math.Min(head, dependent), Math.Max(head, dependent)));
        f[n++] = FeatureHash.Combine(241, dir, c.W(head), c.W(dependent < head ? hl : hr));
        return n;
    }

    private static int Of(int[] table, int i) => i < 0 ? ArcHybrid.None : table[i];

    private static ulong Count(int[] table, int i) => i < 0 ? 99UL : (ulong)Math.Min(table[i], 5);

    private static ulong Set(ulong[] table, int i) => i < 0 ? NoLabel : table[i];

    private static ulong Label(ArcHybrid state, int i) => i < 0 ? NoLabel : (ulong)(state.Labels[i] + 1);

    /// <summary>Distance in buckets: 1, 2, 3, 4, 5-6, 7-9, 10-14, 15 and more.</summary>
    private static ulong Distance(int d) => d switch
    {
        <= 4 => (ulong)Math.Max(d, 0),
        <= 6 => 5,
        <= 9 => 6,
        <= 14 => 7,
        _ => 8,
    };
}
