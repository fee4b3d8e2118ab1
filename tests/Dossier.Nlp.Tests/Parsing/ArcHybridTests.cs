using Dossier.Nlp.Corpora;
using Dossier.Nlp.Parsing;

namespace Dossier.Nlp.Tests.Parsing;

public sealed class ArcHybridTests
{
    internal static IReadOnlyList<TreeSentence> Sample =>
        [.. ConlluReader.ReadTrees(Path.Combine(AppContext.BaseDirectory, "Parsing", "sample-trees.conllu"))];

    [Theory]
    [InlineData("left right shift")]
    [InlineData("shift right left")]
    [InlineData("right shift left")]
    public void Dynamic_oracle_rebuilds_every_projective_gold_tree_whichever_zero_cost_move_it_prefers(string preference)
    {
        var order = preference.Split(' ').Select(m => Enum.Parse<Move>(m, ignoreCase: true)).ToArray();
        var projective = Sample.Where(s => Projectivizer.IsProjective(s.Heads)).ToList();
        Assert.True(projective.Count >= 6);
        var costs = new int[3];
        foreach (var sentence in projective)
        {
            var gold = RootAtEnd(sentence.Heads);
            var state = new ArcHybrid(sentence.Words.Length);
            while (!state.IsTerminal)
            {
                state.Costs(gold, costs);
                var move = order.First(m => costs[(int)m] == 0);
                state.Apply(move, 0);
            }

            Assert.Equal(gold, state.Heads[..sentence.Words.Length]);
        }
    }

    [Fact]
    public void Dynamic_oracle_costs_nothing_for_gold_moves_and_something_for_a_wrong_one()
    {
        // "Rebels seized the town ...": with "Rebels" on the stack and "seized" first in the buffer,
        // Left (Rebels <- seized) is the gold move; shifting "seized" over it loses that arc.
        var sentence = Sample[0];
        var gold = RootAtEnd(sentence.Heads);
        var state = new ArcHybrid(sentence.Words.Length);
        Span<int> costs = stackalloc int[3];
        state.Apply(Move.Shift, 0);
        state.Costs(gold, costs);

        Assert.Equal(0, costs[(int)Move.Left]);
        Assert.Equal(1, costs[(int)Move.Shift]);
        Assert.Equal(int.MaxValue, costs[(int)Move.Right]);
    }

    [Fact]
    public void Dynamic_oracle_counts_every_arc_a_wrong_move_loses()
    {
        // "The convoy was attacked": with "convoy was" on the stack and "attacked" first in the
        // buffer, Right (convoy -> was) loses was's gold head "attacked"; Shift loses the arcs
        // from "attacked" to both stack words.
        var sentence = Sample[1];
        var gold = RootAtEnd(sentence.Heads);
        var state = new ArcHybrid(sentence.Words.Length);
        Span<int> costs = stackalloc int[3];
        state.Apply(Move.Shift, 0);
        state.Apply(Move.Left, 0);
        state.Apply(Move.Shift, 0);
        state.Apply(Move.Shift, 0);
        state.Costs(gold, costs);

        Assert.Equal(0, costs[(int)Move.Left]);
        Assert.Equal(1, costs[(int)Move.Right]);
        Assert.Equal(2, costs[(int)Move.Shift]);
    }

    [Fact]
    public void Every_finished_parse_has_one_root_and_every_word_a_head()
    {
        var state = new ArcHybrid(5);
        while (!state.IsTerminal)
        {
            // Always the last allowed move: a parse of all Right moves, then the root.
            var move = new[] { Move.Right, Move.Shift, Move.Left }.First(state.CanApply);
            state.Apply(move, 0);
        }

        Assert.Single(state.Heads[..5], h => h == 5);
        Assert.All(state.Heads[..5], h => Assert.InRange(h, 0, 5));
    }

    private static int[] RootAtEnd(int[] heads) => [.. heads.Select(h => h < 0 ? heads.Length : h)];
}
