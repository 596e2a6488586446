using Microsoft.ML.Data;

namespace ProvisionRisk.Features;

/// <summary>Schema definitions for in-memory rows whose vector column's size is known only at run time.</summary>
internal static class VectorSchema
{
    /// <summary>The schema of <typeparamref name="TRow"/> with <paramref name="column"/> a float vector of <paramref name="size"/> slots.</summary>
    public static SchemaDefinition For<TRow>(string column, int size)
    {
        var definition = SchemaDefinition.Create(typeof(TRow));
        definition[column].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        return definition;
    }
}
