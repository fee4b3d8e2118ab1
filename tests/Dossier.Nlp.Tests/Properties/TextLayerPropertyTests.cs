using Dossier.Core.Documents.Nlp;
using Dossier.Nlp.Sentences;
using Dossier.Nlp.Tokenizing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dossier.Nlp.Tests.Properties;

/// <summary>
/// Invariants of the tokenizer and the sentence splitter over random texts: every later layer
/// (tags, mentions, evidence spans in the store) slices the text with these offsets, so an offset
/// out of bounds or out of order breaks them all far from its cause.
/// </summary>
public sealed class TextLayerPropertyTests
{
    [Property]
    public Property Tokens_are_non_empty_inside_the_text_and_in_order_without_overlap() =>
        Prop.ForAll(NewsLikeText.Arbitrary, text => TextLayerChecks.Tokens(text, RuleTokenizer.Tokenize(text)));

    [Property]
    public Property Every_character_that_is_not_white_space_or_control_lies_in_a_token() =>
        Prop.ForAll(NewsLikeText.Arbitrary, text =>
        {
            var covered = new bool[text.Length];
            foreach (var token in RuleTokenizer.Tokenize(text))
            {
                Array.Fill(covered, true, token.Start, token.Length);
            }

            var missed = Enumerable.Range(0, text.Length).Where(i => !covered[i] && !char.IsWhiteSpace(text[i]) && !char.IsControl(text[i]));
            Assert.Empty(missed);
        });

    [Property]
    public Property Sentences_take_every_token_once_in_order_and_span_from_their_first_token_to_their_last() =>
        Prop.ForAll(NewsLikeText.Arbitrary, text =>
        {
            var tokens = RuleTokenizer.Tokenize(text);
            TextLayerChecks.Sentences(text, tokens, SentenceSplitter.Split(text, tokens));
        });

    // The checks above must be able to fail: fed spans that break them, they throw.
    [Fact]
    public void Token_check_rejects_a_token_past_the_end_overlapping_tokens_and_an_empty_token()
    {
        Assert.ThrowsAny<Exception>(() => TextLayerChecks.Tokens("Haftar said", [new Token(0, 6), new Token(7, 12)]));
        Assert.ThrowsAny<Exception>(() => TextLayerChecks.Tokens("Haftar said", [new Token(0, 6), new Token(5, 11)]));
        Assert.ThrowsAny<Exception>(() => TextLayerChecks.Tokens("Haftar said", [new Token(0, 6), new Token(7, 7)]));
    }

    [Fact]
    public void Sentence_check_rejects_a_skipped_token_and_a_span_that_is_not_its_tokens()
    {
        const string text = "Haftar left. Sarraj stayed.";
        var tokens = RuleTokenizer.Tokenize(text);

        Assert.ThrowsAny<Exception>(() => TextLayerChecks.Sentences(text, tokens, [new Sentence(0, 3, 0, 12), new Sentence(4, 6, 20, 27)]));
        Assert.ThrowsAny<Exception>(() => TextLayerChecks.Sentences(text, tokens, [new Sentence(0, 3, 0, 13), new Sentence(3, 6, 13, 27)]));
        TextLayerChecks.Sentences(text, tokens, [new Sentence(0, 3, 0, 12), new Sentence(3, 6, 13, 27)]);
    }
}

/// <summary>The invariants themselves, apart from the generator, so that they can be shown to fail.</summary>
internal static class TextLayerChecks
{
    public static void Tokens(string text, IReadOnlyList<Token> tokens)
    {
        var previousEnd = 0;
        foreach (var token in tokens)
        {
            Assert.True(token.Start >= previousEnd, $"token {token} starts before the previous one ends at {previousEnd}");
            Assert.True(token.End > token.Start, $"token {token} is empty");
            Assert.True(token.End <= text.Length, $"token {token} ends past the text's {text.Length} characters");
            previousEnd = token.End;
        }
    }

    public static void Sentences(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences)
    {
        Tokens(text, tokens);
        var next = 0;
        foreach (var sentence in sentences)
        {
            Assert.True(sentence.TokenStart == next, $"sentence {sentence} should start at token {next}");
            Assert.True(sentence.TokenEnd > sentence.TokenStart, $"sentence {sentence} has no token");
            Assert.True(sentence.TokenEnd <= tokens.Count, $"sentence {sentence} ends past the {tokens.Count} tokens");
            Assert.Equal(tokens[sentence.TokenStart].Start, sentence.Start);
            Assert.Equal(tokens[sentence.TokenEnd - 1].End, sentence.End);
            next = sentence.TokenEnd;
        }

        Assert.Equal(tokens.Count, next);
    }
}
