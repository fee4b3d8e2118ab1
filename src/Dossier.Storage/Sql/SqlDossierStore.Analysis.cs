using Dossier.Core.Analysis;

namespace Dossier.Storage.Sql;

/// <summary>What the analyses read: articles with their text and the entities mentioned in them.</summary>
public abstract partial class SqlDossierStore
{
    public IEnumerable<ArticleReading> ReadArticleTexts(IReadOnlyCollection<ArticleId>? only = null)
    {
        // Articles stream while each one's mentions and notices are read beside them, on a second
        // connection where the engine runs one query per connection.
        using var lookups = Lend(sorted: false);
        using var mentions = lookups.Command("""
            SELECT m.start, m."end", m.form, e.id, e.name, e.kind FROM actor_mentions m
            JOIN entity_chains ec ON ec.article_seq = m.article_seq AND ec.chain = m.chain
            JOIN entities e ON e.id = ec.entity_id
            WHERE m.article_seq = @seq ORDER BY m.start
            """).With("seq", 0L);
        using var notices = lookups.Command("SELECT preview FROM removed_ranges WHERE article_id = @id AND reason = @reason ORDER BY ordinal")
            .With("id", string.Empty).With("reason", nameof(RemovalReason.SyndicationNotice));
        var sql = only is null
            ? "SELECT seq, id, title, outlet, published, copy_of, word_count, clean_text FROM articles ORDER BY seq"
            : $"SELECT seq, id, title, outlet, published, copy_of, word_count, clean_text FROM articles WHERE {Dialect.InList("id", "ids")} ORDER BY seq";
        Action<System.Data.Common.DbCommand>? bind = only is null ? null : command => Dialect.BindList(command, "ids", only.Select(a => (string?)a.Value));
        foreach (var article in Stream(sql, bind, sorted: false, reader => (
            Seq: reader.GetInt64(0), Id: reader.GetString(1), Title: reader.NullableString(2), Outlet: reader.NullableString(3), Published: reader.NullableString(4),
            CopyOf: reader.NullableString(5), WordCount: reader.GetInt32(6), Text: reader.GetString(7))))
        {
            mentions.Parameters[0].Value = article.Seq;
            var spans = MentionRows.ReadAll(mentions);

            notices.Parameters[0].Value = article.Id;
            var syndication = new List<string>();
            using (var noticeReader = notices.ExecuteReader())
            {
                while (noticeReader.Read())
                {
                    syndication.Add(noticeReader.GetString(0));
                }
            }

            yield return new ArticleReading(
                new ArticleId(article.Id), article.Title, article.Outlet, article.Published,
                article.CopyOf is null ? null : new ArticleId(article.CopyOf), article.WordCount, article.Text, spans, syndication);
        }
    }
}
