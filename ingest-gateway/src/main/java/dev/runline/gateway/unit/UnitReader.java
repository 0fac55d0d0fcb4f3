package dev.runline.gateway.unit;

import dev.runline.gateway.attachment.AttachmentDao;
import dev.runline.gateway.attachment.UploadUrls;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * Reads stored units for the read routes (blocking JDBC: call it off the event loop). Everything is scoped to the
 * caller's organization; a unit of another organization is unknown, as it is to every other route.
 */
@Component
public class UnitReader {

    private final Jdbi jdbi;
    private final UploadUrls urls;

    public UnitReader(Jdbi jdbi, UploadUrls urls) {
        this.jdbi = jdbi;
        this.urls = urls;
    }

    /**
     * The unit of this serial (in any case) with all its children and its own files; 404 when the organization has
     * none.
     *
     * @param requestUri the request, whose origin the download URLs use unless a public URL is set
     */
    public UnitView unit(UUID organizationId, String serialNumber, URI requestUri) {
        UnitView view = jdbi.withHandle(handle -> {
            UnitReadDao units = handle.attach(UnitReadDao.class);
            AttachmentDao attachments = handle.attach(AttachmentDao.class);
            return units.unit(organizationId, serialNumber)
                    .map(unit -> UnitViews.view(unit, units.children(unit.id()),
                            attachments.ofUnit(organizationId, unit.id()).stream()
                                    .map(file -> UnitView.Attachment.of(file, urls, requestUri)).toList()))
                    .orElse(null);
        });
        if (view == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No unit " + serialNumber + " in this organization");
        }
        return view;
    }

    /** A page of the organization's units, in {@code units.list}'s envelope; {@code next_cursor} null on the last. */
    public UnitPage list(UUID organizationId, UnitListRequest request) {
        return jdbi.withHandle(handle -> {
            UnitReadDao units = handle.attach(UnitReadDao.class);
            List<StoredUnit> found = units.list(organizationId, request.filter(), request.order(), request.limit() + 1,
                    request.offset());
            boolean more = found.size() > request.limit();
            List<StoredUnit> page = found.stream().limit(request.limit()).toList();
            Map<UUID, List<StoredUnit.Child>> children = page.isEmpty() ? Map.of()
                    : units.childrenOf(page.stream().map(unit -> unit.id().toString()).toArray(String[]::new),
                            UnitListItem.CHILDREN_LISTED).stream()
                            .collect(Collectors.groupingBy(StoredUnit.Child::parentId));
            List<UnitListItem> items = page.stream()
                    .map(unit -> UnitViews.listItem(unit, children.getOrDefault(unit.id(), List.of()))).toList();
            return new UnitPage(items, new UnitPage.Meta(more, more ? request.offset() + request.limit() : null));
        });
    }
}
