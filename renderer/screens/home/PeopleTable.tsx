import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/useFormatters.ts';
import type { User } from '../../state/sessionSlice.ts';
import { Avatar } from '../../ui/Avatar.tsx';

export function PeopleTable({ users }: { readonly users: readonly User[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('column.name')}</th>
            <th scope="col">{t('column.email')}</th>
            <th scope="col">{t('column.role')}</th>
            <th scope="col">{t('column.joined')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">
                <span className="person">
                  <Avatar name={user.name} size={24} />
                  {user.name}
                </span>
              </th>
              <td>{user.email}</td>
              <td>
                <span className={`badge badge--${user.role}`}>{t(`role.${user.role}`)}</span>
              </td>
              <td>{format.date(user.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
