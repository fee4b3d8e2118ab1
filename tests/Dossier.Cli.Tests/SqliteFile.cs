using Microsoft.Data.Sqlite;

namespace Dossier.Cli.Tests;

/// <summary>Reads a store file the way an outside observer would: a connection of its own, never pooled.</summary>
internal static class SqliteFile
{
    public static object? Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
