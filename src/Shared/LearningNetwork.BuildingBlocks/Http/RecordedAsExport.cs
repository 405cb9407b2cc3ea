using Microsoft.AspNetCore.Builder;

namespace LearningNetwork.BuildingBlocks.Http;

/// <summary>Marks a read that hands out people's data in bulk (CSV, XLSX, personal data): the audit log records every call.</summary>
public sealed class RecordedAsExportMetadata;

public static class RecordedAsExportExtensions
{
    public static TBuilder RecordedAsExport<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RecordedAsExportMetadata());
}
