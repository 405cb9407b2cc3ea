using FluentValidation;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.GuidelineDocuments.Domain;
using LearningNetwork.GuidelineDocuments.Features.Browse;
using LearningNetwork.GuidelineDocuments.Persistence;
using LearningNetwork.GuidelineDocuments.Storage;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningNetwork.GuidelineDocuments.Features.Upload;

/// <summary>An uploaded file as the endpoint received it (already spooled by ASP.NET Core, not in memory).</summary>
internal sealed record FileUpload(string? FileName, long Length, Func<Stream> Open);

/// <summary>Configuration section "Guidelines".</summary>
internal sealed class GuidelineOptions
{
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;
}

internal sealed record UploadGuideline(string? Title, string? Category, string? Language, string? Summary, FileUpload? File) : IRequest<GuidelineResponse>;

internal sealed record UploadVersion(Guid GuidelineId, string? ChangeNote, FileUpload? File) : IRequest<VersionResponse>;

internal sealed class UploadGuidelineValidator : AbstractValidator<UploadGuideline>
{
    private static readonly string[] Languages = ["nl", "en", "fr"];

    public UploadGuidelineValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("The title is required.").MaximumLength(300);
        RuleFor(x => x.Category).NotEmpty().WithMessage("The category is required.").MaximumLength(100);
        RuleFor(x => x.Language).Must(l => l is not null && Languages.Contains(l)).WithMessage("The language is nl, en or fr.");
        RuleFor(x => x.Summary).MaximumLength(4000);
        RuleFor(x => x.File).NotNull().WithMessage("Attach the file (form field 'file').");
    }
}

internal sealed class UploadVersionValidator : AbstractValidator<UploadVersion>
{
    public UploadVersionValidator()
    {
        RuleFor(x => x.ChangeNote).MaximumLength(2000);
        RuleFor(x => x.File).NotNull().WithMessage("Attach the file (form field 'file').");
    }
}

internal sealed class UploadHandler(GuidelinesDbContext db, IFileStore files, IOptions<GuidelineOptions> options, TimeProvider clock)
    : IRequestHandler<UploadGuideline, GuidelineResponse>, IRequestHandler<UploadVersion, VersionResponse>
{
    public async Task<GuidelineResponse> Handle(UploadGuideline request, CancellationToken cancellationToken)
    {
        var stored = await StoreAsync(request.File!, cancellationToken);
        var guideline = Guideline.Create(request.Title!, request.Category!, request.Language!, request.Summary, stored, clock.GetUtcNow());
        db.Guidelines.Add(guideline);
        await db.SaveChangesAsync(cancellationToken);
        return GuidelineResponse.From(guideline, guideline.Versions);
    }

    public async Task<VersionResponse> Handle(UploadVersion request, CancellationToken cancellationToken)
    {
        var guideline = await db.Guidelines.Include(g => g.Versions).FirstOrDefaultAsync(g => g.Id == request.GuidelineId, cancellationToken)
            ?? throw new NotFoundException("Guideline", request.GuidelineId);
        var stored = await StoreAsync(request.File!, cancellationToken);
        var version = guideline.AddVersion(stored, request.ChangeNote, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return VersionResponse.From(version);
    }

    private async Task<StoredFile> StoreAsync(FileUpload upload, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxUploadBytes;
        if (upload.Length > max)
        {
            throw new ContentTooLargeException($"The file is larger than {max / 1024 / 1024} MB.");
        }

        if (upload.Length == 0)
        {
            throw new InvalidFieldException("file", "The file is empty.");
        }

        await using var content = upload.Open();
        var kind = FileKinds.Recognise(content)
            ?? throw new UnsupportedContentException("Only PDF, DOCX, XLSX, PPTX and ODT files are accepted, recognised by their content.");
        var (blobId, length, sha256) = await files.SaveAsync(content, cancellationToken);
        return new StoredFile(blobId, FileKinds.SafeFileName(upload.FileName, kind), kind.ContentType, length, sha256);
    }
}
