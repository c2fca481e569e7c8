import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { upload } from '../api/client';
import { describeError } from '../api/errors';
import type { UploadedFile } from '../api/types';

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Evidence uploads (POST /api/portal/uploads, field 'file') with a progress bar each; the form value is the
 * list of file ids the server returned.
 */
export function UploadField({ id, value = [], onChange, endpoint = '/portal/uploads' }: {
  id?: string; value?: string[]; onChange?: (ids: string[]) => void; endpoint?: string;
}) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  // several uploads finish in any order: each adds to the latest list, not the one it started with
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  return (
    <>
    <Upload
      id={id}
      accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
      fileList={files}
      multiple
      onRemove={(f) => {
        setFiles((l) => l.filter((x) => x.uid !== f.uid));
        if (f.response?.id) onChange?.(latest.current.filter((id) => id !== f.response.id));
      }}
      beforeUpload={(file) => {
        if (file.size > MAX_BYTES) {
          setFiles((l) => [...l, { uid: file.uid, name: file.name, status: 'error', response: '文件超过 10MB，请压缩后再上传' }]);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onProgress, onSuccess, onError }) => {
        const f = file as File & { uid: string };
        setFiles((l) => [...l, { uid: f.uid, name: f.name, status: 'uploading', percent: 0 }]);
        upload<UploadedFile>(endpoint, f, (percent) => {
          onProgress?.({ percent });
          setFiles((l) => l.map((x) => (x.uid === f.uid ? { ...x, percent } : x)));
        })
          .then((r) => {
            setFiles((l) => l.map((x) => (x.uid === f.uid ? { ...x, status: 'done', percent: 100, response: r } : x)));
            latest.current = [...latest.current, r.id];
            onChange?.(latest.current);
            onSuccess?.(r);
          })
          .catch((e) => {
            setFiles((l) => l.map((x) => (x.uid === f.uid ? { ...x, status: 'error', response: describeError(e) } : x)));
            message.error(`${f.name}：${describeError(e)}`);
            onError?.(e);
          });
      }}
    >
      <Button icon={<UploadOutlined />}>上传证明材料</Button>
    </Upload>
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>支持 PDF、JPG、PNG、DOCX、XLSX，每个文件不超过 10MB</Typography.Text>
    </>
  );
}
