using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Dossier.Storage.Postgres;

/// <summary>
/// Typed parameters and nullable reads. Every parameter states its PostgreSQL type: a NULL sent
/// untyped leaves <c>@p IS NULL</c> with no type to infer, which the server refuses.
/// </summary>
internal static class PostgresParameters
{
    public static NpgsqlCommand With(this NpgsqlCommand command, string name, string? value) => Add(command, name, NpgsqlDbType.Text, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, int? value) => Add(command, name, NpgsqlDbType.Integer, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, long? value) => Add(command, name, NpgsqlDbType.Bigint, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, double? value) => Add(command, name, NpgsqlDbType.Double, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, byte[] value) => Add(command, name, NpgsqlDbType.Bytea, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, string?[] values) => Add(command, name, NpgsqlDbType.Array | NpgsqlDbType.Text, values);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, int[] values) => Add(command, name, NpgsqlDbType.Array | NpgsqlDbType.Integer, values);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, int?[] values) => Add(command, name, NpgsqlDbType.Array | NpgsqlDbType.Integer, values);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, long[] values) => Add(command, name, NpgsqlDbType.Array | NpgsqlDbType.Bigint, values);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, double[] values) => Add(command, name, NpgsqlDbType.Array | NpgsqlDbType.Double, values);

    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? NullableInt(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    private static NpgsqlCommand Add(NpgsqlCommand command, string name, NpgsqlDbType type, object? value)
    {
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        return command;
    }
}
