using FluentValidation;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.GuidelineDocuments.Features.Shared;
using LearningNetwork.GuidelineDocuments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.GuidelineDocuments.Features.UploadVersion;

internal sealed record UploadVersion(Guid GuidelineId, string? ChangeNote, FileUpload? File) : IRequest<VersionResponse>;

internal sealed class UploadVersionValidator : AbstractValidator<UploadVersion>
{
    public UploadVersionValidator()
    {
        RuleFor(x => x.ChangeNote).MaximumLength(2000);
        RuleFor(x => x.File).NotNull().WithMessage("Attach the file (form field 'file').");
    }
}

internal sealed class UploadVersionHandler(GuidelinesDbContext db, UploadedFiles files, TimeProvider clock) : IRequestHandler<UploadVersion, VersionResponse>
{
    public async Task<VersionResponse> Handle(UploadVersion request, CancellationToken cancellationToken)
    {
        var guideline = await db.Guidelines.Include(g => g.Versions).FirstOrDefaultAsync(g => g.Id == request.GuidelineId, cancellationToken)
            ?? throw new NotFoundException("Guideline", request.GuidelineId);
        var stored = await files.StoreAsync(request.File!, cancellationToken);
        var version = guideline.AddVersion(stored, request.ChangeNote, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return VersionResponse.From(version);
    }
}
