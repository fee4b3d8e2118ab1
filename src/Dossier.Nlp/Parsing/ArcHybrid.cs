using System.Runtime.CompilerServices;
namespace Dossier.Nlp.Parsing;

/// <summary>The three unlabeled moves of the arc-hybrid system; the relation is chosen apart, once the arc is made.</summary>
internal enum Move
{
    /// <summary>Push the first buffer word onto the stack.</summary>
    Shift = 0,

    /// <summary>The stack top takes the first buffer word as its head and is popped.</summary>
    Left = 1,

    /// <summary>The stack top takes the word below it as its head and is popped.</summary>
    Right = 2,
}

/// <summary>
/// A configuration of the arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011)
/// over a sentence of <c>n</c> words, with the artificial root at index <c>n</c>, the end of the
/// buffer (Ballesteros and Nivre 2013: a root at the end makes fewer early root decisions). The
/// buffer is always the words <c>Buffer..n</c>, so it is one index. Only the last word on the stack
/// may take the root, so every parse has exactly one root. Each configuration also keeps what the
/// features read: each word's two outermost dependents on either side, valencies and label sets.
/// </summary>
internal sealed class ArcHybrid
{
    public const int None = -1;

    private readonly int[] stack;

    public ArcHybrid(int length)
    {
        Length = length;
        stack = new int[length + 1];
        Heads = new int[length + 1];
        Labels = new int[length + 1];
        LeftMost = new int[length + 1];
        LeftMost2 = new int[length + 1];
        RightMost = new int[length + 1];
        RightMost2 = new int[length + 1];
        LeftCount = new int[length + 1];
        RightCount = new int[length + 1];
        LeftLabels = new ulong[length + 1];
        RightLabels = new ulong[length + 1];
        Array.Fill(Heads, None);
        Array.Fill(Labels, None);
        Array.Fill(LeftMost, None);
        Array.Fill(LeftMost2, None);
        Array.Fill(RightMost, None);
        Array.Fill(RightMost2, None);
    }

    /// <summary>The number of words; the root is word <see cref="Length"/>.</summary>
    public int Length { get; }

    public int StackCount { get; private set; }

    /// <summary>The first buffer word (<see cref="Length"/>: only the root is left).</summary>
    public int Buffer { get; private set; }

    /// <summary>Each word's head so far (<see cref="Length"/> for the root, <see cref="None"/> for none yet).</summary>
    public int[] Heads { get; }

    /// <summary>Each word's relation (an index into the parser's labels), or <see cref="None"/>.</summary>
    public int[] Labels { get; }

    public int[] LeftMost { get; }

    public int[] LeftMost2 { get; }

    public int[] RightMost { get; }

    public int[] RightMost2 { get; }

    public int[] LeftCount { get; }

    public int[] RightCount { get; }

    /// <summary>The set of relations of each word's left dependents, as a bit set (label index mod 64).</summary>
    public ulong[] LeftLabels { get; }

    public ulong[] RightLabels { get; }

    public bool IsTerminal => StackCount == 0 && Buffer == Length;

    /// <summary>The stack word <paramref name="depth"/> below the top (0: the top), or <see cref="None"/>.</summary>
    public int Stack(int depth) => depth < StackCount ? stack[StackCount - 1 - depth] : None;

    /// <summary>The buffer word <paramref name="offset"/> after the first, the root included, or <see cref="None"/>.</summary>
    public int BufferAt(int offset) => Buffer + offset <= Length ? Buffer + offset : None;

    public bool CanApply(Move move) => move switch
    {
        Move.Shift => Buffer < Length,
        Move.Left => StackCount > 0 && (Buffer < Length || StackCount == 1),
        _ => StackCount >= 2,
    };

    /// <summary>Applies a move; Left and Right attach with <paramref name="label"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(Move move, int label)
    {
        switch (move)
        {
            case Move.Shift:
                stack[StackCount++] = Buffer++;
                break;
            case Move.Left:
                Attach(Buffer, stack[--StackCount], label);
                break;
            default:
                var dependent = stack[--StackCount];
                Attach(stack[StackCount - 1], dependent, label);
                break;
        }
    }

    /// <summary>The head and dependent that <paramref name="move"/> would join (Left or Right only).</summary>
    public (int Head, int Dependent) ArcOf(Move move) => move == Move.Left
        ? (Buffer, stack[StackCount - 1])
        : (stack[StackCount - 2], stack[StackCount - 1]);

    /// <summary>
    /// The dynamic oracle (Goldberg and Nivre 2013): for each move, how many gold arcs it makes
    /// unreachable from here, given the gold heads (<see cref="Length"/> for the root). Exact for
    /// projective gold trees; a move that is not allowed costs <see cref="int.MaxValue"/>.
    /// In arc-hybrid a stack word can only take the word below it (Right) or a buffer word (Left)
    /// as head, and a buffer word only a buffer word or the stack top.
    /// </summary>
    public void Costs(ReadOnlySpan<int> gold, Span<int> costs)
    {
        costs[0] = costs[1] = costs[2] = int.MaxValue;
        var s0 = Stack(0);
        var s1 = Stack(1);
        var b = Buffer;
        if (CanApply(Move.Shift))
        {
            // b0 goes onto the stack: it loses heads and dependents deeper in the stack than s0.
            var cost = 0;
            for (var i = 0; i < StackCount; i++)
            {
                var d = stack[i];
                cost += gold[d] == b ? 1 : 0;
                if (d != s0 && gold[b] == d)
                {
                    cost++;
                }
            }

            costs[(int)Move.Shift] = cost;
        }

        if (s0 == None)
        {
            return;
        }

        var dependentsInBuffer = 0;
        for (var d = b; d < Length; d++)
        {
            dependentsInBuffer += gold[d] == s0 ? 1 : 0;
        }

        var head = gold[s0];
        if (CanApply(Move.Left))
        {
            var lost = head != b && (head == s1 || head >= b) ? 1 : 0;
            costs[(int)Move.Left] = lost + dependentsInBuffer;
        }

        if (CanApply(Move.Right))
        {
            var lost = head >= b ? 1 : 0;
            costs[(int)Move.Right] = lost + dependentsInBuffer;
        }
    }

    private void Attach(int head, int dependent, int label)
    {
        Heads[dependent] = head;
        Labels[dependent] = label;
        var bit = label < 0 ? 0UL : 1UL << (label & 63);
        if (dependent < head)
        {
            // Left dependents arrive from the nearest outwards, right ones likewise.
            LeftMost2[head] = LeftMost[head];
            LeftMost[head] = dependent;
            LeftCount[head]++;
            LeftLabels[head] |= bit;
        }
        else
        {
            RightMost2[head] = RightMost[head];
            RightMost[head] = dependent;
            RightCount[head]++;
            RightLabels[head] |= bit;
        }
    }
}
