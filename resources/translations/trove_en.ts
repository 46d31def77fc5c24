<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CatalogSalvage</name>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>; and %n more</numerusform>
            <numerusform>; and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::DuplicatesModel</name>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln image</numerusform>
            <numerusform>%Ln images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::TagCountsModel</name>
    <message numerus="yes">
        <source>%1: %n image(s)</source>
        <translation>
            <numerusform>%1: %n image</numerusform>
            <numerusform>%1: %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::BackupProgress</name>
    <message numerus="yes">
        <source>%Ln image(s); %1 new files copied, %2 already there. To restore, open that folder with File ▸ Open Library…</source>
        <translation>
            <numerusform>%Ln image; %1 new files copied, %2 already there. To restore, open that folder with File ▸ Open Library…</numerusform>
            <numerusform>%Ln images; %1 new files copied, %2 already there. To restore, open that folder with File ▸ Open Library…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s), and %1 in the trash; %2 new files copied, %3 already there. To restore, open that folder with File ▸ Open Library…</source>
        <translation>
            <numerusform>%Ln image, and %1 in the trash; %2 new files copied, %3 already there. To restore, open that folder with File ▸ Open Library…</numerusform>
            <numerusform>%Ln images, and %1 in the trash; %2 new files copied, %3 already there. To restore, open that folder with File ▸ Open Library…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::CollectionsPanel</name>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln image</numerusform>
            <numerusform>%Ln images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::DiskFullBar</name>
    <message numerus="yes">
        <source>&lt;b&gt;Adding images is paused:&lt;/b&gt; %1. %Ln image(s) waiting in the queue; free some space, then resume.</source>
        <translation>
            <numerusform>&lt;b&gt;Adding images is paused:&lt;/b&gt; %1. %Ln image is waiting in the queue; free some space, then resume.</numerusform>
            <numerusform>&lt;b&gt;Adding images is paused:&lt;/b&gt; %1. %Ln images are waiting in the queue; free some space, then resume.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::DropTarget</name>
    <message numerus="yes">
        <source>Drop to add %Ln item(s)</source>
        <translation>
            <numerusform>Drop to add %Ln item</numerusform>
            <numerusform>Drop to add %Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::DuplicateGroupDelegate</name>
    <message numerus="yes">
        <source>Group %1 · %Ln image(s)</source>
        <translation>
            <numerusform>Group %1 · %Ln image</numerusform>
            <numerusform>Group %1 · %Ln images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::DuplicatesDialog</name>
    <message numerus="yes">
        <source>Kept one image; %n moved to the trash (Edit ▸ Undo puts them back).</source>
        <translation>
            <numerusform>Kept one image; %n moved to the trash (Edit ▸ Undo puts it back).</numerusform>
            <numerusform>Kept one image; %n moved to the trash (Edit ▸ Undo puts them back).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s) of near-duplicates (distance up to %1 of 64 bits), largest first.</source>
        <translation>
            <numerusform>%Ln group of near-duplicates (distance up to %1 of 64 bits), largest first.</numerusform>
            <numerusform>%Ln groups of near-duplicates (distance up to %1 of 64 bits), largest first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) not hashed yet and left out.</source>
        <translation>
            <numerusform>%Ln image is not hashed yet and is left out.</numerusform>
            <numerusform>%Ln images are not hashed yet and are left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::GalleryView</name>
    <message numerus="yes">
        <source>%Ln image(s) still being written for the drop; if the target misses them, drag again.</source>
        <translation>
            <numerusform>%Ln image is still being written for the drop; if the target misses it, drag again.</numerusform>
            <numerusform>%Ln images are still being written for the drop; if the target misses them, drag again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::ImageActions</name>
    <message numerus="yes">
        <source>Copied %Ln source link(s)</source>
        <translation>
            <numerusform>Copied the source link</numerusform>
            <numerusform>Copied %Ln source links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export works on up to %Ln image(s) at a time; %1 are selected.</source>
        <translation>
            <numerusform>Export works on up to %Ln image at a time; %1 are selected.</numerusform>
            <numerusform>Export works on up to %Ln images at a time; %1 are selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln original(s)</source>
        <translation>
            <numerusform>Exported the original</numerusform>
            <numerusform>Exported %Ln originals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags changed on %Ln image(s)</source>
        <translation>
            <numerusform>Tags changed on %Ln image</numerusform>
            <numerusform>Tags changed on %Ln images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln image(s) to the trash?</source>
        <translation>
            <numerusform>Move %Ln image to the trash?</numerusform>
            <numerusform>Move %Ln images to the trash?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln image(s) to the trash</source>
        <translation>
            <numerusform>Moved %Ln image to the trash</numerusform>
            <numerusform>Moved %Ln images to the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %Ln image(s) to “%1”</source>
        <translation>
            <numerusform>Added %Ln image to “%1”</numerusform>
            <numerusform>Added %Ln images to “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took %Ln image(s) out of “%1”</source>
        <translation>
            <numerusform>Took %Ln image out of “%1”</numerusform>
            <numerusform>Took %Ln images out of “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renamed %Ln image(s)</source>
        <translation>
            <numerusform>Renamed %Ln image</numerusform>
            <numerusform>Renamed %Ln images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::ImageViewer</name>
    <message numerus="yes">
        <source>This animation is too long to keep in memory; only its first %n frames play</source>
        <translation>
            <numerusform>This animation is too long to keep in memory; only its first frame plays</numerusform>
            <numerusform>This animation is too long to keep in memory; only its first %n frames play</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Slideshow: a new image every %n s; any key or click stops it</source>
        <translation>
            <numerusform>Slideshow: a new image every second; any key or click stops it</numerusform>
            <numerusform>Slideshow: a new image every %n s; any key or click stops it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::IngestController</name>
    <message numerus="yes">
        <source>Adding %Ln image(s)…</source>
        <translation>
            <numerusform>Adding %Ln image…</numerusform>
            <numerusform>Adding %Ln images…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot add %Ln item(s): see the queue for the reasons</source>
        <translation>
            <numerusform>Cannot add this item: see the queue for the reason</numerusform>
            <numerusform>Cannot add %Ln items: see the queue for the reasons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Adding %1, %Ln cannot be added (see the queue)</source>
        <translation>
            <numerusform>Adding %1, %Ln cannot be added (see the queue)</numerusform>
            <numerusform>Adding %1, %Ln cannot be added (see the queue)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped looking for images: %Ln queued</source>
        <translation>
            <numerusform>Stopped looking for images: %Ln queued</numerusform>
            <numerusform>Stopped looking for images: %Ln queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued %Ln item(s)</source>
        <translation>
            <numerusform>Queued %Ln item</numerusform>
            <numerusform>Queued %Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped %Ln file(s) that are not images</source>
        <translation>
            <numerusform>skipped %Ln file that is not an image</numerusform>
            <numerusform>skipped %Ln files that are not images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln could not be read (see the queue)</source>
        <translation>
            <numerusform>%Ln could not be read (see the queue)</numerusform>
            <numerusform>%Ln could not be read (see the queue)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing added: the pasted text holds no image links or files (the queue shows the %n line(s) not understood)</source>
        <translation>
            <numerusform>Nothing added: the pasted text holds no image links or files (the queue shows the %n line not understood)</numerusform>
            <numerusform>Nothing added: the pasted text holds no image links or files (the queue shows the %n lines not understood)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing added: the dropped text holds no image links or files (the queue shows the %n line(s) not understood)</source>
        <translation>
            <numerusform>Nothing added: the dropped text holds no image links or files (the queue shows the %n line not understood)</numerusform>
            <numerusform>Nothing added: the dropped text holds no image links or files (the queue shows the %n lines not understood)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) found again were already in the library</source>
        <translation>
            <numerusform>%Ln image found again was already in the library</numerusform>
            <numerusform>%Ln images found again were already in the library</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::IngestQueuePanel</name>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to go, %1</source>
        <translation>
            <numerusform>%Ln to go, %1</numerusform>
            <numerusform>%Ln to go, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to go</source>
        <translation>
            <numerusform>%Ln to go</numerusform>
            <numerusform>%Ln to go</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::LibraryMover</name>
    <message numerus="yes">
        <source>%n image(s) are still being added. Wait until the queue is done (or cancel what is left), then move the library.</source>
        <translation>
            <numerusform>%n image is still being added. Wait until the queue is done (or cancel what is left), then move the library.</numerusform>
            <numerusform>%n images are still being added. Wait until the queue is done (or cancel what is left), then move the library.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::LibraryRepair</name>
    <message numerus="yes">
        <source>, %n rebuilt from stored files</source>
        <translation>
            <numerusform>, %n rebuilt from stored files</numerusform>
            <numerusform>, %n rebuilt from stored files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Library repaired: %Ln image(s) read back</source>
        <translation>
            <numerusform>Library repaired: %Ln image read back</numerusform>
            <numerusform>Library repaired: %Ln images read back</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::LibraryStatusLabel</name>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln image</numerusform>
            <numerusform>%Ln images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::MainWindow</name>
    <message numerus="yes">
        <source>%Ln image(s) still being added.</source>
        <translation>
            <numerusform>%Ln image is still being added.</numerusform>
            <numerusform>%Ln images are still being added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n image(s) removed more than %1 days ago</source>
        <translation>
            <numerusform>Deleted %n image removed more than %1 days ago</numerusform>
            <numerusform>Deleted %n images removed more than %1 days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The folder holds %Ln item(s); Trove would add its own files and folders beside them.</source>
        <translation>
            <numerusform>The folder holds %Ln item; Trove would add its own files and folders beside them.</numerusform>
            <numerusform>The folder holds %Ln items; Trove would add its own files and folders beside them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::MarkActions</name>
    <message numerus="yes">
        <source>Rate %n star(s)</source>
        <translation>
            <numerusform>Rate %n star</numerusform>
            <numerusform>Rate %n stars</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rate %n Star(s)</source>
        <translation>
            <numerusform>Rate %n Star</numerusform>
            <numerusform>Rate %n Stars</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rating cleared on %Ln image(s)</source>
        <translation>
            <numerusform>Rating cleared on %Ln image</numerusform>
            <numerusform>Rating cleared on %Ln images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rated %Ln image(s) %1</source>
        <translation>
            <numerusform>Rated %Ln image %1</numerusform>
            <numerusform>Rated %Ln images %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %Ln image(s) as favourite</source>
        <translation>
            <numerusform>Marked %Ln image as favourite</numerusform>
            <numerusform>Marked %Ln images as favourite</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unmarked %Ln favourite(s)</source>
        <translation>
            <numerusform>Unmarked %Ln favourite</numerusform>
            <numerusform>Unmarked %Ln favourites</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::SelectionCountLabel</name>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln selected</numerusform>
            <numerusform>%Ln selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln shown</numerusform>
            <numerusform>%Ln shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown  ·</source>
        <translation>
            <numerusform>%Ln shown  ·</numerusform>
            <numerusform>%Ln shown  ·</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::SimilarDialog</name>
    <message numerus="yes">
        <source>%Ln image(s) similar to “%1”, nearest first; the distance is how many of 64 bits of their perceptual hashes differ.</source>
        <translation>
            <numerusform>%Ln image similar to “%1”; the distance is how many of 64 bits of their perceptual hashes differ.</numerusform>
            <numerusform>%Ln images similar to “%1”, nearest first; the distance is how many of 64 bits of their perceptual hashes differ.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::TagEditDialog</name>
    <message numerus="yes">
        <source>Tags typed under “Add” are added to all %Ln image(s); tags under “Remove” are removed from all of them. Separate tags with commas.</source>
        <translation>
            <numerusform>Tags typed under “Add” are added to the image; tags under “Remove” are removed from it. Separate tags with commas.</numerusform>
            <numerusform>Tags typed under “Add” are added to all %Ln images; tags under “Remove” are removed from all of them. Separate tags with commas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s): names stay as they are</source>
        <translation>
            <numerusform>%Ln image: its name stays as it is</numerusform>
            <numerusform>%Ln images: names stay as they are</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::TagSidebar</name>
    <message numerus="yes">
        <source>The %n tag(s) used most.</source>
        <translation>
            <numerusform>The %n tag used most.</numerusform>
            <numerusform>The %n tags used most.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge “%1” (%n image(s)) into the tag:</source>
        <translation>
            <numerusform>Merge “%1” (%n image) into the tag:</numerusform>
            <numerusform>Merge “%1” (%n images) into the tag:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New name for “%1” (%n image(s)):</source>
        <translation>
            <numerusform>New name for “%1” (%n image):</numerusform>
            <numerusform>New name for “%1” (%n images):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged “%1” into “%2”: %n image(s).</source>
        <translation>
            <numerusform>Merged “%1” into “%2”: %n image.</numerusform>
            <numerusform>Merged “%1” into “%2”: %n images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renamed “%1” to “%2”: %n image(s).</source>
        <translation>
            <numerusform>Renamed “%1” to “%2”: %n image.</numerusform>
            <numerusform>Renamed “%1” to “%2”: %n images.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::TrashDialog</name>
    <message numerus="yes">
        <source>Delete all %Ln image(s) in the trash for good?</source>
        <translation>
            <numerusform>Delete the image in the trash for good?</numerusform>
            <numerusform>Delete all %Ln images in the trash for good?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln image(s) for good?</source>
        <translation>
            <numerusform>Delete %Ln image for good?</numerusform>
            <numerusform>Delete %Ln images for good?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln image(s) to the library</source>
        <translation>
            <numerusform>Restored %Ln image to the library</numerusform>
            <numerusform>Restored %Ln images to the library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln image(s) for good</source>
        <translation>
            <numerusform>Deleted %Ln image for good</numerusform>
            <numerusform>Deleted %Ln images for good</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 selected of %Ln image(s) in the trash</source>
        <translation>
            <numerusform>%1 selected of %Ln image in the trash</numerusform>
            <numerusform>%1 selected of %Ln images in the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) in the trash. Select some to restore them or to delete them for good (a click on a column&apos;s header sorts).</source>
        <translation>
            <numerusform>%Ln image in the trash. Select it to restore it or to delete it for good.</numerusform>
            <numerusform>%Ln images in the trash. Select some to restore them or to delete them for good (a click on a column&apos;s header sorts).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No image of the %Ln in the trash has “%1” in its name or tags.</source>
        <translation>
            <numerusform>The one image in the trash does not have “%1” in its name or tags.</numerusform>
            <numerusform>No image of the %Ln in the trash has “%1” in its name or tags.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 selected of %Ln matching image(s)</source>
        <translation>
            <numerusform>%1 selected of %Ln matching image</numerusform>
            <numerusform>%1 selected of %Ln matching images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) of %1 in the trash match “%2”.</source>
        <translation>
            <numerusform>%Ln image of %1 in the trash matches “%2”.</numerusform>
            <numerusform>%Ln images of %1 in the trash match “%2”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their originals are deleted too. This cannot be undone.</source>
        <translation>
            <numerusform>Its original is deleted too. This cannot be undone.</numerusform>
            <numerusform>Their originals are deleted too. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %Ln of them merged into the same image, added again meanwhile</source>
        <translation>
            <numerusform>%1; %Ln of them merged into the same image, added again meanwhile</numerusform>
            <numerusform>%1; %Ln of them merged into the same images, added again meanwhile</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::UndoCommands</name>
    <message numerus="yes">
        <source>Move %Ln image(s) to the trash</source>
        <translation>
            <numerusform>Move %Ln image to the trash</numerusform>
            <numerusform>Move %Ln images to the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %1 of %Ln image(s) from the trash</source>
        <translation>
            <numerusform>Restored %1 of %Ln image from the trash</numerusform>
            <numerusform>Restored %1 of %Ln images from the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep the best of %Ln duplicate(s)</source>
        <translation>
            <numerusform>Keep the best of %Ln duplicate</numerusform>
            <numerusform>Keep the best of %Ln duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reorder %n image(s) in “%1”</source>
        <translation>
            <numerusform>Reorder %n image in “%1”</numerusform>
            <numerusform>Reorder %n images in “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %Ln image(s) from the trash</source>
        <translation>
            <numerusform>Restore %Ln image from the trash</numerusform>
            <numerusform>Restore %Ln images from the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot redo: %Ln image(s) left the trash meanwhile (deleted for good or restored elsewhere)</source>
        <translation>
            <numerusform>Cannot redo: %Ln image left the trash meanwhile (deleted for good or restored elsewhere)</numerusform>
            <numerusform>Cannot redo: %Ln images left the trash meanwhile (deleted for good or restored elsewhere)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot undo: %Ln image(s) left the trash meanwhile (deleted for good or restored elsewhere)</source>
        <translation>
            <numerusform>Cannot undo: %Ln image left the trash meanwhile (deleted for good or restored elsewhere)</numerusform>
            <numerusform>Cannot undo: %Ln images left the trash meanwhile (deleted for good or restored elsewhere)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %1 of %2 images from the trash; %Ln left the trash meanwhile (deleted for good or restored elsewhere)</source>
        <translation>
            <numerusform>Restored %1 of %2 images from the trash; %Ln left the trash meanwhile (deleted for good or restored elsewhere)</numerusform>
            <numerusform>Restored %1 of %2 images from the trash; %Ln left the trash meanwhile (deleted for good or restored elsewhere)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot send %Ln merged image(s) back to the trash: the image they were merged into has left the library, or they were restored again, meanwhile</source>
        <translation>
            <numerusform>Cannot send %Ln merged image back to the trash: the image it was merged into has left the library, or it was restored again, meanwhile</numerusform>
            <numerusform>Cannot send %Ln merged images back to the trash: the image they were merged into has left the library, or they were restored again, meanwhile</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %Ln of them merged into the same image, added again meanwhile</source>
        <translation>
            <numerusform>%1; %Ln of them merged into the same image, added again meanwhile</numerusform>
            <numerusform>%1; %Ln of them merged into the same images, added again meanwhile</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %Ln image(s) moved to the trash or deleted elsewhere left alone</source>
        <translation>
            <numerusform>%1; %Ln image moved to the trash or deleted elsewhere was left alone</numerusform>
            <numerusform>%1; %Ln images moved to the trash or deleted elsewhere were left alone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot redo “%1” on %Ln image(s): changed elsewhere meanwhile, left as it is now</source>
        <translation>
            <numerusform>Cannot redo “%1” on %Ln image: changed elsewhere meanwhile, left as it is now</numerusform>
            <numerusform>Cannot redo “%1” on %Ln images: changed elsewhere meanwhile, left as they are now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot undo “%1” on %Ln image(s): changed elsewhere meanwhile, left as it is now</source>
        <translation>
            <numerusform>Cannot undo “%1” on %Ln image: changed elsewhere meanwhile, left as it is now</numerusform>
            <numerusform>Cannot undo “%1” on %Ln images: changed elsewhere meanwhile, left as they are now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot redo “%1” on %Ln image(s): moved to the trash or deleted elsewhere</source>
        <translation>
            <numerusform>Cannot redo “%1” on %Ln image: moved to the trash or deleted elsewhere</numerusform>
            <numerusform>Cannot redo “%1” on %Ln images: moved to the trash or deleted elsewhere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot undo “%1” on %Ln image(s): moved to the trash or deleted elsewhere</source>
        <translation>
            <numerusform>Cannot undo “%1” on %Ln image: moved to the trash or deleted elsewhere</numerusform>
            <numerusform>Cannot undo “%1” on %Ln images: moved to the trash or deleted elsewhere</numerusform>
        </translation>
    </message>
</context>
</TS>
