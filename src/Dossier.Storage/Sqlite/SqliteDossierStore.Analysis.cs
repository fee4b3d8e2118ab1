using Dossier.Core.Actors;
using Dossier.Core.Analysis;
using Dossier.Core.Documents;

namespace Dossier.Storage.Sqlite;

/// <summary>What the analyses read: articles with their text and the entities mentioned in them.</summary>
public sealed partial class SqliteDossierStore
{
    public IEnumerable<ArticleReading> ReadArticleTexts(IReadOnlyCollection<ArticleId>? only = null)
    {
        Flush();
        using var articles = connection.CreateCommand();
        articles.CommandText = only is null
            ? "SELECT seq, id, title, outlet, published, copy_of, word_count, clean_text FROM articles ORDER BY seq"
            : "SELECT seq, id, title, outlet, published, copy_of, word_count, clean_text FROM articles WHERE id IN (SELECT value FROM json_each($ids)) ORDER BY seq";
        if (only is not null)
        {
            articles.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(only.Select(a => a.Value)));
        }

        using var mentions = connection.CreateCommand();
        mentions.CommandText = $"""
            SELECT m.start, m.end, m.form, e.id, e.name, e.kind FROM actor_mentions m
            JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
            JOIN entities e ON e.id = ec.entity_id
            WHERE m.article_seq = $seq ORDER BY m.start
            """;
        var seq = mentions.Parameters.Add("$seq", Microsoft.Data.Sqlite.SqliteType.Integer);
        using var notices = connection.CreateCommand();
        notices.CommandText = "SELECT preview FROM removed_ranges WHERE article_id = $id AND reason = $reason ORDER BY ordinal";
        var noticeArticle = notices.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
        notices.Parameters.AddWithValue("$reason", nameof(RemovalReason.SyndicationNotice));
        using var reader = articles.ExecuteReader();
        while (reader.Read())
        {
            seq.Value = reader.GetInt64(0);
            var spans = MentionRows.ReadAll(mentions);

            var id = reader.GetString(1);
            noticeArticle.Value = id;
            var syndication = new List<string>();
            using (var noticeReader = notices.ExecuteReader())
            {
                while (noticeReader.Read())
                {
                    syndication.Add(noticeReader.GetString(0));
                }
            }

            yield return new ArticleReading(
                new ArticleId(id),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : new ArticleId(reader.GetString(5)),
                reader.GetInt32(6),
                reader.GetString(7),
                spans,
                syndication);
        }
    }
}
