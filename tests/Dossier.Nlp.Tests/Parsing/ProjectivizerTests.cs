using Dossier.Nlp.Parsing;

namespace Dossier.Nlp.Tests.Parsing;

public sealed class ProjectivizerTests
{
    [Fact]
    public void Projectivizer_lifts_the_crossing_arc_of_a_hearing_scheduled_on_the_issue()
    {
        // "A hearing is scheduled on the issue today": "issue" hangs from "hearing" across "is scheduled".
        var sentence = ArcHybridTests.Sample[3];
        Assert.False(Projectivizer.IsProjective(sentence.Heads));

        var (heads, lifted) = Projectivizer.Projectivize(sentence.Heads);

        Assert.True(Projectivizer.IsProjective(heads));
        Assert.Equal(1, lifted);
        Assert.Equal(3, heads[6]); // lifted to "scheduled", the head of "hearing"
    }

    [Fact]
    public void Projectivizer_leaves_projective_trees_alone()
    {
        foreach (var sentence in ArcHybridTests.Sample.Where(s => Projectivizer.IsProjective(s.Heads)))
        {
            var (heads, lifted) = Projectivizer.Projectivize(sentence.Heads);
            Assert.Equal(0, lifted);
            Assert.Equal(sentence.Heads, heads);
        }
    }

    [Fact]
    public void Projectivized_random_trees_are_projective_trees_with_every_head_in_the_sentence()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 300; trial++)
        {
            var n = random.Next(2, 16);
            var heads = RandomTree(random, n);

            var (projective, _) = Projectivizer.Projectivize(heads);

            Assert.True(Projectivizer.IsProjective(projective));
            Assert.All(projective, h => Assert.InRange(h, -1, n - 1));
            Assert.Single(projective, h => h < 0);
            Assert.True(IsTree(projective));
        }
    }

    /// <summary>A random tree: each word after the first in a random order hangs from one placed before it.</summary>
    private static int[] RandomTree(Random random, int n)
    {
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        var heads = new int[n];
        heads[order[0]] = -1;
        for (var i = 1; i < n; i++)
        {
            heads[order[i]] = order[random.Next(i)];
        }

        return heads;
    }

    internal static bool IsTree(int[] heads)
    {
        for (var i = 0; i < heads.Length; i++)
        {
            var at = i;
            for (var steps = 0; at >= 0; steps++)
            {
                if (steps > heads.Length)
                {
                    return false;
                }

                at = heads[at];
            }
        }

        return heads.Count(h => h < 0) == 1;
    }
}
