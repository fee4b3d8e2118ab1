using Npgsql;
using NpgsqlTypes;

namespace Dossier.Storage.Postgres;

/// <summary>
/// Array parameters, which the bulk writes send in place of one statement a row; scalars are
/// <see cref="Sql.Parameters"/>.
/// </summary>
internal static class PostgresParameters
{
    public static NpgsqlCommand With(this NpgsqlCommand command, string name, string?[] values) => Add(command, name, NpgsqlDbType.Array | NpgsqlDbType.Text, values);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, int[] values) => Add(command, name, NpgsqlDbType.Array | NpgsqlDbType.Integer, values);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, int?[] values) => Add(command, name, NpgsqlDbType.Array | NpgsqlDbType.Integer, values);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, long[] values) => Add(command, name, NpgsqlDbType.Array | NpgsqlDbType.Bigint, values);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, double[] values) => Add(command, name, NpgsqlDbType.Array | NpgsqlDbType.Double, values);

    private static NpgsqlCommand Add(NpgsqlCommand command, string name, NpgsqlDbType type, object? value)
    {
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        return command;
    }
}
